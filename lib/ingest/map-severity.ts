import type { Severity } from "@/generated/prisma/enums";

// Priorities as the senders spell them: PagerDuty/Opsgenie/Datadog P1–P5, Alertmanager/Grafana
// severity labels, PagerDuty urgency, and SEV spellings. Overridable per integration.
const DEFAULT_MAP: Record<string, Severity> = {
  p1: "SEV1",
  p2: "SEV2",
  p3: "SEV3",
  p4: "SEV4",
  p5: "SEV5",
  sev1: "SEV1",
  sev2: "SEV2",
  sev3: "SEV3",
  sev4: "SEV4",
  sev5: "SEV5",
  critical: "SEV1",
  page: "SEV2",
  high: "SEV2",
  error: "SEV2",
  major: "SEV2",
  warning: "SEV3",
  warn: "SEV3",
  medium: "SEV3",
  moderate: "SEV3",
  minor: "SEV4",
  low: "SEV4",
  normal: "SEV4",
  info: "SEV5",
  informational: "SEV5",
  none: "SEV5",
};

export const DEFAULT_SEVERITY: Severity = "SEV3";

/** Maps a sender's raw priority to a Sitrep severity; null when it names nothing known. */
export function mapSeverity(priority: string | null, overrides: Record<string, Severity> = {}): Severity | null {
  if (!priority) return null;
  const key = priority.trim().toLowerCase();
  const compact = key.replace(/[\s_-]/g, "");
  const lowered = Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return lowered[key] ?? DEFAULT_MAP[key] ?? DEFAULT_MAP[compact] ?? null;
}
