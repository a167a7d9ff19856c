import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";

export async function listAuditEvents(ctx: Ctx, input: { limit?: number } = {}) {
  assertCan(ctx.actor, "audit.read");
  const rows = await ctx.db.auditEvent.findMany({ orderBy: { id: "desc" }, take: Math.min(input.limit ?? 100, 1000) });
  return rows.map((row) => ({ ...row, id: row.id.toString() }));
}
