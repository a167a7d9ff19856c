import type { Severity } from "@/generated/prisma/enums";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";

export const POLICY_SEVERITIES: Severity[] = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"];

/** The two-person rule per severity; a severity with no row has it off. */
export async function listReviewPolicies(ctx: Ctx): Promise<{ severity: Severity; twoPersonRule: boolean }[]> {
  assertCan(ctx.actor, "drafts.read");
  const rows = await ctx.db.reviewPolicy.findMany();
  const bySeverity = new Map(rows.map((r) => [r.severity, r.twoPersonRule]));
  return POLICY_SEVERITIES.map((severity) => ({ severity, twoPersonRule: bySeverity.get(severity) ?? false }));
}
