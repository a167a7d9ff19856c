import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";

export async function listApiTokens(ctx: Ctx) {
  assertCan(ctx.actor, "tokens.manage");
  return ctx.db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      role: true,
      scope: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { email: true } },
    },
  });
}
