import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";

export async function listUsers(ctx: Ctx) {
  assertCan(ctx.actor, "users.manage");
  return ctx.db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, lastSignInAt: true, createdAt: true },
  });
}
