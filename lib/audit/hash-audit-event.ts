import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/json/canonical-json";

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

/** Each event's hash covers its fields and the previous event's hash: editing any row breaks the chain. */
export function hashAuditEvent(prevHash: string, fields: AuditFields): string {
  const payload = canonicalJson({ ...fields, at: fields.at.toISOString(), before: fields.before ?? null, after: fields.after ?? null });
  return createHash("sha256").update(prevHash).update("\n").update(payload).digest("hex");
}

/** The hashed fields of a stored event, as the verifier and the exports read them back. */
export function auditFieldsOf(row: AuditFields): AuditFields {
  const { at, actorType, actorId, actorLabel, action, targetType, targetId, incidentId, before, after, requestId } = row;
  return { at, actorType, actorId, actorLabel, action, targetType, targetId, incidentId, before, after, requestId };
}
