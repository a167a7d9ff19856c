import { cache } from "react";
import type { Actor } from "@/lib/authz";
import { auth } from "@/lib/auth/auth";
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
  // The cookie must name a live server-side session of this user: a signed-out cookie that comes back is refused.
  const live = await getDb().userSession.findFirst({ where: { id: sessionId, userId: id, revokedAt: null }, select: { user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } } });
  const user = live?.user;
  if (!user || user.disabledAt) return null;
  return { type: "user", id: user.id, label: user.email, role: user.role };
});
