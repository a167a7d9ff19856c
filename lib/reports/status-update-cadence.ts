import type { Severity } from "@/generated/prisma/enums";

const DEFAULT: Record<Severity, number | null> = { SEV1: 15, SEV2: 30, SEV3: 60, SEV4: 240, SEV5: null };

/**
 * Minutes between status updates per severity, from STATUS_UPDATE_CADENCE ("SEV1=15,SEV2=30,…";
 * 0 turns a severity's updates off). Unknown or malformed parts keep the default.
 */
export function readStatusUpdateCadence(value: string | undefined): Record<Severity, number | null> {
  const cadence = { ...DEFAULT };
  for (const part of (value ?? "").split(",")) {
    const match = /^\s*(SEV[1-5])\s*=\s*(\d{1,4})\s*$/i.exec(part);
    if (match) cadence[match[1]!.toUpperCase() as Severity] = Number(match[2]) || null;
  }
  return cadence;
}
