import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan, can } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { checkSectionContent } from "@/lib/reports/check-section-content";
import { hashSections, machineVersionOf, readMeta } from "@/lib/reports/revision-meta";
import { assertState, lockRevision } from "@/lib/reviews/lock-revision";
import { editorFields } from "@/lib/reviews/editor-identity";
import { measureEdit } from "@/lib/reviews/measure-edit";
import { voidApprovals } from "@/lib/reviews/void-approvals";

export const updateDraftSectionSchema = z.object({
  revisionId: z.string().min(1),
  section: z.string().min(1),
  content: z.unknown(),
  /** The revision version the editor read. */
  version: z.number({ error: "The revision version you edited is required." }).int().min(1),
  /**
   * Hash of the section as the editor loaded it. With it, a save after someone changed another
   * section goes through, and any change to this same section is a conflict, even one the
   * editor's page has already polled.
   */
  baseHash: z.string().length(64).optional(),
});

/**
 * A person's edit of one section. The section becomes human-owned (later re-drafts leave it
 * alone), its citations must be this incident's evidence, a conflicting save is refused with the
 * other person's text, and an edit to an approved revision voids the approval.
 */
export async function updateDraftSection(ctx: Ctx, input: z.input<typeof updateDraftSectionSchema>) {
  assertCan(ctx.actor, "drafts.edit");
  const { revisionId, section, content, version, baseHash } = updateDraftSectionSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const revision = await lockRevision(tx, revisionId);
    assertState(revision, ["draft", "in_review", "approved"], "edited");
    const current = revision.sections as Record<string, unknown>;
    // With the section's base hash, the conflict is exact: the section moved on since the editor loaded it
    // (whatever the version says). Without it, any newer version is a conflict.
    const isConflict = baseHash !== undefined ? baseHash !== hashSections(current[section]) : revision.version !== version;
    if (isConflict) {
      const editor = revision.lastEditedById ? await tx.user.findUnique({ where: { id: revision.lastEditedById }, select: { name: true } }) : null;
      throw new AppError("CONFLICT", `${editor?.name ?? "Someone"} changed this section after you opened it. Your text is kept: merge it with theirs, keep yours, or take theirs.`, {
        field: section,
        currentVersion: revision.version,
        theirs: current[section] ?? null,
        theirHash: hashSections(current[section]),
        editedBy: editor?.name ?? null,
      });
    }
    const data = await checkSectionContent(tx, { kind: revision.kind, incidentId: revision.incidentId, incidentKey: formatIncidentKey(revision.incident.number), name: section, content });
    // Confirming a root cause is the commander's call (PRODUCT.md), not an editor's.
    const confirms = section === "rootCause" && (data as { status?: string }).status === "confirmed";
    const wasConfirmed = ((current as Record<string, { status?: string }>).rootCause?.status ?? "preliminary") === "confirmed";
    if (confirms && !wasConfirmed && !can(ctx.actor.role, "incidents.approve")) throw new AppError("FORBIDDEN", "Only a COMMANDER or ADMIN confirms a root cause.", { field: "rootCause.status" });
    const before = current[section];
    const sections = { ...current, [section]: data };
    const contentHash = hashSections(sections);
    const sectionHash = hashSections(data);
    if (contentHash === revision.contentHash) return { id: revision.id, version: revision.version, contentHash, sectionHash, state: revision.state, voidedApprovals: [] as string[] };
    const meta = readMeta(revision.meta);
    const suggestions = Object.fromEntries(Object.entries(meta.suggestions).filter(([name]) => name !== section));
    // The person had the machine's latest proposal in front of them; only a newer one is offered again.
    const machineText = machineVersionOf(current, meta, section) ?? before;
    const machineSeen = { ...meta.machineSeen, [section]: hashSections(machineText) };
    const editSize = { ...meta.editSize, [section]: measureEdit(section, machineText, data) };
    const voided = revision.state === "approved" ? await voidApprovals(tx, revision.id, `edited after approval by ${ctx.actor.label}`) : [];
    const updated = await tx.reportRevision.update({
      where: { id: revisionId },
      data: {
        sections: sections as Prisma.InputJsonObject,
        contentHash,
        state: "in_review",
        meta: { ...meta, origins: { ...meta.origins, [section]: "human" }, suggestions, machineSeen, editSize } as Prisma.InputJsonObject,
        version: { increment: 1 },
        ...(await editorFields(tx, ctx.actor)),
      },
      select: { id: true, version: true, contentHash: true, state: true },
    });
    await recordAuditEvent(
      tx,
      ctx.actor,
      {
        action: "revision.edit",
        targetType: "ReportRevision",
        targetId: revisionId,
        incidentId: revision.incidentId,
        before: { [section]: before ?? null, state: revision.state },
        after: { [section]: data, state: updated.state, ...(voided.length > 0 && { voidedApprovals: voided }) },
      },
      ctx.requestId,
    );
    return { ...updated, sectionHash, voidedApprovals: voided };
  });
}
