import type { Db } from "@/lib/db";

/** A new signed-in browser for this user; its id goes into the session cookie. */
export async function startUserSession(db: Db, userId: string): Promise<string> {
  const session = await db.userSession.create({ data: { userId }, select: { id: true } });
  return session.id;
}
