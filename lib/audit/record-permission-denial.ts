import type { Actor } from "@/lib/authz";
import type { Db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** One event per actor and target per minute: a loop on a forbidden URL cannot flood the append-only log. */
const QUIET_MS = 60_000;

/**
 * A refused request is evidence too: who asked for what their role does not allow. It is written
 * in a transaction of its own (nothing else changed), and a failure to write it is logged but
 * never turns the 403 into something else.
 */
export async function recordPermissionDenial(
  db: Db,
  actor: Pick<Actor, "type" | "id" | "label" | "role">,
  input: { what: string; permission: string; requestId?: string },
): Promise<void> {
  const targetId = input.what.slice(0, 200);
  try {
    const recent = await db.auditEvent.findFirst({
      where: { action: "auth.permission_denied", actorType: actor.type, actorLabel: actor.label, targetId, at: { gte: new Date(Date.now() - QUIET_MS) } },
      select: { id: true },
    });
    if (recent) return;
    await db.$transaction((tx) =>
      recordAuditEvent(tx, actor, { action: "auth.permission_denied", targetType: "Permission", targetId, after: { role: actor.role, permission: input.permission } }, input.requestId),
    );
  } catch (error) {
    console.error(`[audit] could not record a permission denial (request ${input.requestId ?? "-"}): ${error instanceof Error ? error.name : "error"}`);
  }
}
