import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/authz";
import type { Db } from "@/lib/db";

/** Signing out: the session stops counting on the server, whatever happens to the cookie. Audited. */
export async function revokeUserSession(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0) await recordAuditEvent(tx, actor, { action: "auth.sign_out", targetType: "UserSession", targetId: sessionId });
  });
}

/** The signed-in request's own session, revoked (the sign-out action's one call). */
export async function revokeCurrentSession(): Promise<void> {
  const [{ auth }, { getSessionActor }, { getDb }] = await Promise.all([import("@/lib/auth/auth"), import("@/lib/auth/session-actor"), import("@/lib/db")]);
  const [session, actor] = await Promise.all([auth(), getSessionActor()]);
  if (session?.sessionId && actor) await revokeUserSession(getDb(), actor, session.sessionId);
}
