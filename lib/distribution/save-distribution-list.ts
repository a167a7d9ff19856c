import type { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { distributionListSchema } from "@/lib/distribution/schemas";
import { AppError } from "@/lib/errors";

/** ADMIN creates or edits a list; every address is checked here, at edit time, not when mail bounces. Audited with before and after. */
export async function saveDistributionList(ctx: Ctx, input: z.input<typeof distributionListSchema>) {
  assertCan(ctx.actor, "lists.manage");
  const { id, ...data } = distributionListSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const clash = await tx.distributionList.findFirst({ where: { name: { equals: data.name, mode: "insensitive" }, ...(id && { id: { not: id } }) }, select: { id: true } });
    if (clash) throw new AppError("CONFLICT", `A list named "${data.name}" exists already.`, { field: "name" });
    const before = id ? await tx.distributionList.findUnique({ where: { id } }) : null;
    if (id && !before) throw new AppError("NOT_FOUND", "That list does not exist.");
    const saved = id ? await tx.distributionList.update({ where: { id }, data }) : await tx.distributionList.create({ data });
    await recordAuditEvent(
      tx,
      ctx.actor,
      {
        action: id ? "distribution_list.update" : "distribution_list.create",
        targetType: "DistributionList",
        targetId: saved.id,
        before: before && { name: before.name, recipients: before.recipients, severities: before.severities, categories: before.categories, tags: before.tags },
        after: { name: saved.name, recipients: saved.recipients, severities: saved.severities, categories: saved.categories, tags: saved.tags },
      },
      ctx.requestId,
    );
    return saved;
  });
}
