import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan, can } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { citationsIn, REPORT_SECTION_SCHEMAS, STATUS_UPDATE_SECTION_SCHEMAS } from "@/lib/drafting/section-schemas";
import { AppError } from "@/lib/errors";
import { hashSections, readMeta } from "@/lib/reports/revision-meta";

export const updateDraftSectionSchema = z.object({
  revisionId: z.string().min(1),
  section: z.string().min(1),
  content: z.unknown(),
  /** The revision version the editor read; a newer one means someone else saved first. */
  version: z.number().int().min(1),
});

/**
 * A person's edit of one section. The section becomes human-owned (later re-drafts leave it
 * alone), its citations must be this incident's evidence, and a stale version is refused.
 */
export async function updateDraftSection(ctx: Ctx, input: z.input<typeof updateDraftSectionSchema>) {
  assertCan(ctx.actor, "drafts.edit");
  const { revisionId, section, content, version } = updateDraftSectionSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ReportRevision" WHERE "id" = ${revisionId} FOR UPDATE`;
    if (!rows[0]) throw new AppError("NOT_FOUND", "That draft does not exist.");
    const revision = await tx.reportRevision.findUniqueOrThrow({ where: { id: revisionId } });
    if (revision.state !== "draft" && revision.state !== "in_review") throw new AppError("CONFLICT", `Revision ${revision.number} is ${revision.state}; edit the current draft instead.`);
    if (revision.version !== version) throw new AppError("CONFLICT", "Someone saved this draft after you opened it; reload to see their changes.", { currentVersion: revision.version });
    const schemas: Record<string, z.ZodType> = revision.kind === "report" ? REPORT_SECTION_SCHEMAS : STATUS_UPDATE_SECTION_SCHEMAS;
    const schema = Object.hasOwn(schemas, section) ? schemas[section] : undefined;
    if (!schema) throw new AppError("UNPROCESSABLE", `A ${revision.kind} has no section "${section}".`, { field: "section" });
    const parsed = schema.safeParse(content);
    if (!parsed.success) throw new AppError("UNPROCESSABLE", z.prettifyError(parsed.error), { field: `content.${parsed.error.issues[0]?.path.join(".") ?? ""}` });
    // Confirming a root cause is the commander's call (PRODUCT.md), not an editor's.
    const confirms = section === "rootCause" && (parsed.data as { status?: string }).status === "confirmed";
    const wasConfirmed = ((revision.sections as Record<string, { status?: string }>).rootCause?.status ?? "preliminary") === "confirmed";
    if (confirms && !wasConfirmed && !can(ctx.actor.role, "incidents.approve")) throw new AppError("FORBIDDEN", "Only a COMMANDER or ADMIN confirms a root cause.");
    const cited = [...new Set(citationsIn(parsed.data))];
    const known = await tx.timelineEntry.count({ where: { incidentId: revision.incidentId, id: { in: cited } } });
    if (known !== cited.length) throw new AppError("UNPROCESSABLE", "A citation points at evidence that is not this incident's.", { field: "content" });
    const before = (revision.sections as Record<string, unknown>)[section];
    const sections = { ...(revision.sections as Record<string, unknown>), [section]: parsed.data };
    const meta = readMeta(revision.meta);
    const suggestions = Object.fromEntries(Object.entries(meta.suggestions).filter(([name]) => name !== section));
    const updated = await tx.reportRevision.update({
      where: { id: revisionId },
      data: {
        sections: sections as Prisma.InputJsonObject,
        contentHash: hashSections(sections),
        meta: { ...meta, origins: { ...meta.origins, [section]: "human" }, suggestions } as Prisma.InputJsonObject,
        version: { increment: 1 },
        ...(ctx.actor.type === "user" ? { authorId: ctx.actor.id } : {}),
      },
      select: { id: true, version: true, contentHash: true },
    });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "revision.edit", targetType: "ReportRevision", targetId: revisionId, incidentId: revision.incidentId, before: { [section]: before ?? null }, after: { [section]: parsed.data } },
      ctx.requestId,
    );
    return updated;
  });
}
