import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db";

let counter = 0;

/** A real user row with the given role, and a context acting as that user. */
export async function createActorCtx(db: Db, role: Role): Promise<Ctx & { actor: Extract<Actor, { type: "user" }> }> {
  counter += 1;
  const email = `${role.toLowerCase()}-${counter}-${Date.now()}@test.local`;
  const user = await db.user.create({ data: { email, name: `${role} ${counter}`, role } });
  return { db, actor: { type: "user", id: user.id, label: email, role }, requestId: `req-${counter}` };
}
