import type { Severity } from "@/generated/prisma/enums";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { severitySchema } from "@/lib/incidents/schemas";


/** The two-person rule per severity; a severity with no row has it off. */
export async function listReviewPolicies(ctx: Ctx): Promise<{ severity: Severity; twoPersonRule: boolean }[]> {
  assertCan(ctx.actor, "drafts.read");
  const rows = await ctx.db.reviewPolicy.findMany();
  const bySeverity = new Map(rows.map((r) => [r.severity, r.twoPersonRule]));
  return severitySchema.options.map((severity) => ({ severity, twoPersonRule: bySeverity.get(severity) ?? false }));
}
