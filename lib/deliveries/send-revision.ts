import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { enqueueDeliveries } from "@/lib/deliveries/enqueue-deliveries";
import { loadPlanInput } from "@/lib/deliveries/load-plan-input";
import { messageTags, threadDomain } from "@/lib/deliveries/message-identity";
import { planDeliveries } from "@/lib/deliveries/plan-deliveries";
import { hashPlan } from "@/lib/deliveries/hash-plan";
import { renderRevisionEmail } from "@/lib/email/render-revision-email";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { breaksTwoPersonRule } from "@/lib/reviews/editor-identity";
import { lockRevision } from "@/lib/reviews/lock-revision";

export const sendRevisionSchema = z.object({ revisionId: z.string().min(1), origin: z.url() });

/**
 * The gate. Deliveries are written only for a revision whose exact current content has a standing
 * approval by a COMMANDER or ADMIN (a second person under the two-person rule), checked under a
 * row lock in the same transaction that writes them; a database trigger refuses any other insert.
 * The emails are rendered before the transaction and frozen in the rows, so a retry sends exactly
 * what was approved. Nothing is sent twice: a sent revision cannot be sent (or edited) again.
 */
export async function sendRevision(ctx: Ctx, input: z.input<typeof sendRevisionSchema>, options: { enqueue?: (ids: string[]) => Promise<void>; emailFrom?: string } = {}) {
  assertCan(ctx.actor, "incidents.send");
  const { revisionId, origin } = sendRevisionSchema.parse(input);
  const { revision, incident, input: plan } = await loadPlanInput(ctx.db, revisionId, origin);
  // Refuse early what the transaction would refuse anyway, before any rendering.
  if (revision.state === "sent") throw new AppError("CONFLICT", "This revision was already sent; nothing is sent twice.");
  if (revision.state !== "approved") throw new AppError("CONFLICT", `This revision is not approved (it is ${revision.state.replace("_", " ")}); approve it before sending.`);
  const planned = planDeliveries(plan);
  const planHash = hashPlan(planned);
  const rendered = await Promise.all(planned.map((p) => renderRevisionEmail(p.content)));
  const domain = threadDomain(options.emailFrom ?? getEnv().EMAIL_FROM);
  const ids = await ctx.db.$transaction(async (tx) => {
    // Incident before revision, the order the drafter locks them in, so the two never deadlock.
    const [thread] = await tx.$queryRaw<{ threadMessageId: string | null }[]>`SELECT "threadMessageId" FROM "Incident" WHERE "id" = ${incident.id} FOR UPDATE`;
    const locked = await lockRevision(tx, revisionId);
    if (locked.state === "sent") throw new AppError("CONFLICT", `Revision ${locked.number} was already sent; nothing is sent twice.`);
    if (locked.state !== "approved") throw new AppError("CONFLICT", `Revision ${locked.number} is not approved (it is ${locked.state.replace("_", " ")}); approve it before sending.`);
    if (locked.contentHash !== revision.contentHash) throw new AppError("CONFLICT", "The draft changed while the emails were prepared; review it and approve it again.");
    const approval = await tx.approval.findFirst({
      where: { revisionId, voidedAt: null, contentHash: locked.contentHash },
      orderBy: { createdAt: "desc" },
      include: { approver: { select: { id: true, role: true, disabledAt: true } } },
    });
    if (!approval) throw new AppError("CONFLICT", "This exact text has no standing approval (it changed after it was approved); approve it again before sending.");
    if (!["ADMIN", "COMMANDER"].includes(approval.approver.role) || approval.approver.disabledAt) throw new AppError("FORBIDDEN", "Its approver is no longer a COMMANDER or ADMIN; a commander must approve it again.");
    const policy = await tx.reviewPolicy.findUnique({ where: { severity: locked.incident.severity } });
    if (policy?.twoPersonRule && breaksTwoPersonRule(locked, approval.approverId)) throw new AppError("FORBIDDEN", `${locked.incident.severity} needs a second person: the approver made the last edit.`);
    const newer = await tx.reportRevision.findFirst({ where: { incidentId: incident.id, kind: locked.kind, number: { gt: locked.number } }, select: { number: true } });
    if (newer) throw new AppError("CONFLICT", `Revision ${locked.number} was superseded by r${newer.number}; send the newest one.`);
    if (approval.planHash && approval.planHash !== planHash) return { stalePlan: approval.id } as const;
    if (!planned.some((p) => p.template !== "action_items" && p.recipients.length > 0)) {
      throw new AppError("UNPROCESSABLE", `No distribution list matches ${locked.incident.severity} ${incident.category} and no address was added for this incident: nobody would get it.`, { field: "recipients" });
    }
    if ((thread?.threadMessageId !== null) !== plan.incident.isReply) throw new AppError("CONFLICT", "Another message for this incident went out at the same moment; send again.");
    const root = thread?.threadMessageId ?? `<incident-${incident.id}@${domain}>`;
    const rows: Prisma.DeliveryCreateManyInput[] = planned.flatMap((p, k) =>
      p.recipients.map((recipient) => {
        // Every message has its own id and names the incident's thread root; later ones reply to it.
        const messageId = `<${randomUUID()}@${domain}>`;
        const headers = { "Message-ID": messageId, References: root, ...(plan.incident.isReply && { "In-Reply-To": root }) };
        return {
          revisionId,
          approvalId: approval.id,
          contentHash: locked.contentHash,
          template: p.template,
          listId: p.listId,
          reason: p.reason,
          recipient,
          messageId,
          inReplyTo: plan.incident.isReply ? root : null,
          subject: p.subject,
          html: rendered[k]!.html,
          text: rendered[k]!.text,
          headers,
          tags: messageTags(p.template, incident),
        };
      }),
    );
    const created = await tx.delivery.createManyAndReturn({ data: rows, select: { id: true }, skipDuplicates: true });
    if (!thread?.threadMessageId) await tx.incident.update({ where: { id: incident.id }, data: { threadMessageId: root } });
    await tx.reportRevision.update({ where: { id: revisionId }, data: { state: "sent" } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      {
        action: "revision.send",
        targetType: "ReportRevision",
        targetId: revisionId,
        incidentId: incident.id,
        before: { state: "approved" },
        after: { state: "sent", approvalId: approval.id, contentHash: locked.contentHash, deliveries: created.length, recipients: [...new Set(rows.map((r) => r.recipient))], templates: [...new Set(rows.map((r) => r.template))] },
      },
      ctx.requestId,
    );
    return created.map((d) => d.id);
  });
  if (!Array.isArray(ids)) {
    // The audience, the incident or its evidence changed since approval: the approval no longer covers what would go out.
    await withdrawApproval(ctx, revisionId, ids.stalePlan);
    throw new AppError("CONFLICT", "Who gets it, or what it says, changed since it was approved (recipients, lists, severity or evidence): the approval was withdrawn. Check the preview and approve again.");
  }
  await (options.enqueue ?? enqueueDeliveries)(ids);
  return { revisionId, state: "sent" as const, deliveries: ids.length };
}

async function withdrawApproval(ctx: Ctx, revisionId: string, approvalId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const locked = await lockRevision(tx, revisionId);
    // Only the approval that no longer fits, and only while the revision is still just approved.
    if (locked.state !== "approved") return;
    const { count } = await tx.approval.updateMany({ where: { id: approvalId, voidedAt: null }, data: { voidedAt: new Date(), voidReason: "what sending would deliver changed after approval" } });
    if (count === 0) return;
    const voided = [approvalId];
    const revision = await tx.reportRevision.update({ where: { id: revisionId }, data: { state: "in_review" }, select: { incidentId: true } });
    await recordAuditEvent(tx, ctx.actor, { action: "revision.approval_withdrawn", targetType: "ReportRevision", targetId: revisionId, incidentId: revision.incidentId, before: { state: "approved", approvalId }, after: { state: "in_review", voidedApprovals: voided, reason: "recipients, lists, severity or evidence changed since approval" } }, ctx.requestId);
  });
}
