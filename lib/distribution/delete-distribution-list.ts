import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";

/** Removes a list; deliveries already made keep their recipient and reason. Audited with what it held. */
export async function deleteDistributionList(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, "lists.manage");
  return ctx.db.$transaction(async (tx) => {
    const list = await tx.distributionList.findUnique({ where: { id: input.id } });
    if (!list) throw new AppError("NOT_FOUND", "That list does not exist.");
    await tx.distributionList.delete({ where: { id: list.id } });
    await recordAuditEvent(tx, ctx.actor, { action: "distribution_list.delete", targetType: "DistributionList", targetId: list.id, before: { name: list.name, recipients: list.recipients, severities: list.severities, categories: list.categories, tags: list.tags } }, ctx.requestId);
    return { id: list.id };
  });
}
