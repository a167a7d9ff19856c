import { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { readMeta } from "@/lib/reports/revision-meta";
import { hashPlan } from "@/lib/deliveries/hash-plan";
import { loadPlanInput } from "@/lib/deliveries/load-plan-input";
import { planDeliveries } from "@/lib/deliveries/plan-deliveries";
import { breaksTwoPersonRule } from "@/lib/reviews/editor-identity";
import { findApprovalProblems } from "@/lib/reviews/find-approval-problems";
import { assertState, assertVersion, lockRevision } from "@/lib/reviews/lock-revision";

export const approveRevisionSchema = z.object({
  revisionId: z.string().min(1),
  /** The version the approver read: approval holds for exactly that content. */
  version: z.number({ error: "The revision version you reviewed is required." }).int().min(1),
});

/**
 * A COMMANDER or ADMIN approves the exact current content of a revision. Refused when the text
 * changed since they read it, a required section is empty, or the severity's two-person rule
 * says the last editor may not approve their own words.
 */
export async function approveRevision(ctx: Ctx, input: z.input<typeof approveRevisionSchema>) {
  assertCan(ctx.actor, "incidents.approve");
  const { revisionId, version } = approveRevisionSchema.parse(input);
  if (ctx.actor.type !== "user") throw new AppError("FORBIDDEN", "Approvals are made by a signed-in person, not by an API token.");
  const approverId = ctx.actor.id;
  return ctx.db.$transaction(async (tx) => {
    const revision = await lockRevision(tx, revisionId);
    if (revision.state === "approved") throw new AppError("CONFLICT", `Revision ${revision.number} is already approved.`);
    assertState(revision, ["draft", "in_review"], "approved");
    assertVersion(revision, version, "approve");
    const problems = findApprovalProblems(revision.kind, revision.sections as Record<string, unknown>, readMeta(revision.meta).foreignCitations);
    if (Object.keys(problems).length > 0) {
      throw new AppError("UNPROCESSABLE", `Not ready to approve: ${Object.values(problems).join(" ")}`, { field: Object.keys(problems)[0], fields: problems });
    }
    const policy = await tx.reviewPolicy.findUnique({ where: { severity: revision.incident.severity } });
    if (policy?.twoPersonRule && breaksTwoPersonRule(revision, approverId)) {
      throw new AppError("FORBIDDEN", `${revision.incident.severity} needs a second person: you made the last edit, so another commander must approve it.`, { rule: "two-person" });
    }
    // The approval also covers what sending would deliver now (audience, subject, content): see sendRevision.
    const planHash = hashPlan(planDeliveries((await loadPlanInput(tx, revisionId, "http://approval.invalid")).input));
    const approval = await tx.approval.create({ data: { revisionId, approverId, contentHash: revision.contentHash, planHash }, select: { id: true, createdAt: true } });
    await tx.reportRevision.update({ where: { id: revisionId }, data: { state: "approved", reviewNote: null } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      {
        action: "revision.approve",
        targetType: "ReportRevision",
        targetId: revisionId,
        incidentId: revision.incidentId,
        before: { state: revision.state },
        after: { state: "approved", approvalId: approval.id, contentHash: revision.contentHash, kind: revision.kind, number: revision.number, twoPersonRule: policy?.twoPersonRule ?? false },
      },
      ctx.requestId,
    );
    return { id: revisionId, state: "approved" as const, approvalId: approval.id, contentHash: revision.contentHash, version: revision.version };
  });
}
