import { cache } from "react";
import type { Actor } from "@/lib/authz";
import { auth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db";

/**
 * The signed-in user as an actor, read fresh from the database once per request, so a role
 * change or a disabled account takes effect at once rather than when the session expires.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  return { type: "user", id: user.id, label: user.email, role: user.role };
});
