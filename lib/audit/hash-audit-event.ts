import { createHash } from "node:crypto";

export type AuditFields = {
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  incidentId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

/** Each event's hash covers its fields and the previous event's hash: editing any row breaks the chain. */
export function hashAuditEvent(prevHash: string, fields: AuditFields): string {
  const payload = canonicalJson({ ...fields, at: fields.at.toISOString(), before: fields.before ?? null, after: fields.after ?? null });
  return createHash("sha256").update(prevHash).update("\n").update(payload).digest("hex");
}
