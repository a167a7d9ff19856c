import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sessionExpiresAt } from "@/lib/auth/session-lifetime";
import type { Db } from "@/lib/db";

/**
 * A new signed-in browser for this user; its id goes into the session cookie. A password sign-in
 * is audited where the password is checked; a single sign-on one (`via`) is audited here, with
 * the session it starts, since no password check runs for it. The row carries the session's
 * absolute end (lib/auth/session-lifetime.ts), which the rolling cookie cannot move.
 */
export async function startUserSession(db: Db, userId: string, options: { via?: { provider: string; email: string } } = {}): Promise<string> {
  const via = options.via;
  const now = new Date();
  const data = { userId, createdAt: now, lastSeenAt: now, expiresAt: sessionExpiresAt(now) };
  if (!via) return (await db.userSession.create({ data, select: { id: true } })).id;
  return db.$transaction(async (tx) => {
    const session = await tx.userSession.create({ data, select: { id: true } });
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
    await recordAuditEvent(tx, { type: "user", id: userId, label: via.email }, { action: "auth.sign_in", targetType: "User", targetId: userId, after: { via: via.provider } });
    return session.id;
  });
}
