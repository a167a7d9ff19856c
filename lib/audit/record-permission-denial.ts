import type { Actor } from "@/lib/authz";
import type { Db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * A refused request is evidence too: who asked for what they may not do. It is written in a
 * transaction of its own (nothing else changed), and a failure to write it is logged but never
 * turns the 403 into something else.
 */
export async function recordPermissionDenial(db: Db, actor: Pick<Actor, "type" | "id" | "label" | "role">, input: { what: string; requestId?: string }): Promise<void> {
  try {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, actor, { action: "auth.permission_denied", targetType: "Permission", targetId: input.what.slice(0, 200), after: { role: actor.role } }, input.requestId),
    );
  } catch (error) {
    console.error(`[audit] could not record a permission denial (request ${input.requestId ?? "-"}): ${error instanceof Error ? error.name : "error"}`);
  }
}
