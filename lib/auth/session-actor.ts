import { cache } from "react";
import type { Actor } from "@/lib/authz";
import { auth } from "@/lib/auth/auth";
import { idleCutoff, needsTouch, SESSION_TOUCH_MS } from "@/lib/auth/session-lifetime";
import { getDb } from "@/lib/db";

/**
 * The signed-in user as an actor, read fresh from the database once per request, so a role
 * change, a disabled account or a sign-out takes effect at once rather than when the cookie expires.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  const now = new Date();
  // The cookie must name a live server-side session of this user: not signed out, not past its
  // absolute end, not idle too long. The JWT alone would roll forward for as long as it is used.
  const live = await getDb().userSession.findFirst({
    where: { id: sessionId, userId: id, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: idleCutoff(now) } },
    select: { lastSeenAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  const user = live?.user;
  if (!live || !user || user.disabledAt) return null;
  if (needsTouch(live.lastSeenAt, now)) {
    // Conditional, so requests racing in the same minute write once.
    await getDb().userSession.updateMany({ where: { id: sessionId, lastSeenAt: { lte: new Date(now.getTime() - SESSION_TOUCH_MS) } }, data: { lastSeenAt: now } });
  }
  return { type: "user", id: user.id, label: user.email, role: user.role };
});
