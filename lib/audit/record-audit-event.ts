import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/authz";
import type { DbTx } from "@/lib/db";
import { GENESIS_HASH, hashAuditEvent, type AuditFields } from "@/lib/audit/hash-audit-event";

export type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  incidentId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change, so
 * the change and its record commit together. The advisory lock serialises writers on the chain
 * across every app instance; it is released when the transaction ends.
 */
export async function recordAuditEvent(
  tx: DbTx,
  actor: Pick<Actor, "type" | "id" | "label">,
  input: AuditInput,
  requestId?: string,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sitrep.audit_chain'))`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: AuditFields = {
    at: new Date(),
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    incidentId: input.incidentId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    requestId: requestId ?? null,
  };
  await tx.auditEvent.create({
    data: {
      ...fields,
      actorType: actor.type,
      before: (input.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (input.after ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash: hashAuditEvent(prevHash, fields),
    },
  });
}
