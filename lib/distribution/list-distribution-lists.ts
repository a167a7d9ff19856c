import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";

export async function listDistributionLists(ctx: Ctx) {
  assertCan(ctx.actor, "lists.manage");
  return ctx.db.distributionList.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, recipients: true, severities: true, categories: true, tags: true, updatedAt: true } });
}
