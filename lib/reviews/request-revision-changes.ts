import type { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { assertState, assertVersion, lockRevision } from "@/lib/reviews/lock-revision";
import { reviewDecisionSchema } from "@/lib/reviews/review-reason";
import { voidApprovals } from "@/lib/reviews/void-approvals";

/** A reviewer sends a revision back to its editors with what to change; it stays in the queue as a draft, with the note on top. */
export async function requestRevisionChanges(ctx: Ctx, input: z.input<typeof reviewDecisionSchema>) {
  assertCan(ctx.actor, "incidents.approve");
  const { revisionId, version, reason } = reviewDecisionSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const revision = await lockRevision(tx, revisionId);
    assertState(revision, ["draft", "in_review", "approved"], "sent back for changes");
    assertVersion(revision, version, "ask for changes");
    const voided = await voidApprovals(tx, revisionId, `changes requested by ${ctx.actor.label}`);
    const note = `${ctx.actor.label}: ${reason}`;
    await tx.reportRevision.update({ where: { id: revisionId }, data: { state: "draft", reviewNote: note } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "revision.request_changes", targetType: "ReportRevision", targetId: revisionId, incidentId: revision.incidentId, before: { state: revision.state, reviewNote: revision.reviewNote }, after: { state: "draft", reviewNote: note, ...(voided.length > 0 && { voidedApprovals: voided }) } },
      ctx.requestId,
    );
    return { id: revisionId, state: "draft" as const, reviewNote: note };
  });
}
