import type { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { assertState, assertVersion, lockRevision } from "@/lib/reviews/lock-revision";
import { reviewDecisionSchema } from "@/lib/reviews/review-reason";
import { voidApprovals } from "@/lib/reviews/void-approvals";

/** A reviewer rejects a revision with a reason; it leaves the queue, and the next draft carries the people's sections forward. */
export async function rejectRevision(ctx: Ctx, input: z.input<typeof reviewDecisionSchema>) {
  assertCan(ctx.actor, "incidents.approve");
  const { revisionId, version, reason } = reviewDecisionSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const revision = await lockRevision(tx, revisionId);
    assertState(revision, ["draft", "in_review", "approved"], "rejected");
    assertVersion(revision, version, "reject it");
    const voided = await voidApprovals(tx, revisionId, `rejected by ${ctx.actor.label}`);
    await tx.reportRevision.update({ where: { id: revisionId }, data: { state: "rejected", rejectedReason: reason } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "revision.reject", targetType: "ReportRevision", targetId: revisionId, incidentId: revision.incidentId, before: { state: revision.state }, after: { state: "rejected", reason, ...(voided.length > 0 && { voidedApprovals: voided }) } },
      ctx.requestId,
    );
    return { id: revisionId, state: "rejected" as const };
  });
}
