import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { hashSections, readMeta } from "@/lib/reports/revision-meta";
import { assertState, assertVersion, lockRevision } from "@/lib/reviews/lock-revision";
import { editorFields } from "@/lib/reviews/editor-identity";
import { voidApprovals } from "@/lib/reviews/void-approvals";

export const resolveSuggestionSchema = z.object({
  revisionId: z.string().min(1),
  section: z.string().min(1),
  version: z.number().int().min(1),
  decision: z.enum(["accept", "dismiss"]),
});

/**
 * The machine has a newer proposal for a section a person wrote. Accept: the section takes the
 * machine's text and goes back to the machine (later re-drafts update it). Dismiss: the person's
 * text stays and this proposal is not offered again.
 */
export async function resolveSuggestion(ctx: Ctx, input: z.input<typeof resolveSuggestionSchema>) {
  assertCan(ctx.actor, "drafts.edit");
  const { revisionId, section, version, decision } = resolveSuggestionSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const revision = await lockRevision(tx, revisionId);
    assertState(revision, ["draft", "in_review", "approved"], "changed");
    assertVersion(revision, version, `${decision} the suggestion`);
    const meta = readMeta(revision.meta);
    if (!Object.hasOwn(meta.suggestions, section)) throw new AppError("NOT_FOUND", `There is no machine suggestion for "${section}".`, { field: section });
    const suggestion = meta.suggestions[section];
    const suggestions = Object.fromEntries(Object.entries(meta.suggestions).filter(([name]) => name !== section));
    const current = revision.sections as Record<string, unknown>;
    if (decision === "dismiss") {
      await tx.reportRevision.update({ where: { id: revisionId }, data: { meta: { ...meta, suggestions, machineSeen: { ...meta.machineSeen, [section]: hashSections(suggestion) } } as Prisma.InputJsonObject, version: { increment: 1 } } });
      await recordAuditEvent(tx, ctx.actor, { action: "revision.dismiss_suggestion", targetType: "ReportRevision", targetId: revisionId, incidentId: revision.incidentId, after: { section } }, ctx.requestId);
      return { id: revisionId, version: revision.version + 1, state: revision.state };
    }
    const sections = { ...current, [section]: suggestion };
    const origins = { ...meta.origins, [section]: "machine" as const };
    const machineSeen = Object.fromEntries(Object.entries(meta.machineSeen ?? {}).filter(([name]) => name !== section));
    const voided = revision.state === "approved" ? await voidApprovals(tx, revisionId, `suggestion accepted after approval by ${ctx.actor.label}`) : [];
    const updated = await tx.reportRevision.update({
      where: { id: revisionId },
      data: {
        sections: sections as Prisma.InputJsonObject,
        contentHash: hashSections(sections),
        state: "in_review",
        meta: { ...meta, origins, suggestions, machineSeen, editSize: Object.fromEntries(Object.entries(meta.editSize ?? {}).filter(([name]) => name !== section)) } as Prisma.InputJsonObject,
        version: { increment: 1 },
        ...(await editorFields(tx, ctx.actor)),
      },
      select: { id: true, version: true, state: true },
    });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "revision.accept_suggestion", targetType: "ReportRevision", targetId: revisionId, incidentId: revision.incidentId, before: { [section]: current[section] ?? null }, after: { [section]: suggestion, ...(voided.length > 0 && { voidedApprovals: voided }) } },
      ctx.requestId,
    );
    return updated;
  });
}
