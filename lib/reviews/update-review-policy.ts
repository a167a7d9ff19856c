import { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { severitySchema } from "@/lib/incidents/schemas";

export const updateReviewPolicySchema = z.object({
  severity: z.enum(severitySchema.options, { error: "Pick a severity from SEV1 to SEV5." }),
  twoPersonRule: z.boolean(),
});

/** ADMIN turns the two-person rule on or off for one severity; audited with the value before. */
export async function updateReviewPolicy(ctx: Ctx, input: z.input<typeof updateReviewPolicySchema>) {
  assertCan(ctx.actor, "review.configure");
  const { severity, twoPersonRule } = updateReviewPolicySchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.reviewPolicy.findUnique({ where: { severity } });
    const saved = await tx.reviewPolicy.upsert({ where: { severity }, create: { severity, twoPersonRule }, update: { twoPersonRule } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "review_policy.update", targetType: "ReviewPolicy", targetId: severity, before: { twoPersonRule: before?.twoPersonRule ?? false }, after: { twoPersonRule } },
      ctx.requestId,
    );
    return { severity: saved.severity, twoPersonRule: saved.twoPersonRule };
  });
}
