import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db, DbTx } from "@/lib/db";
import { draftReport } from "@/lib/drafting/draft-report";
import { draftStatusUpdate } from "@/lib/drafting/draft-status-update";
import { withEditorDefaults } from "@/lib/drafting/with-editor-defaults";
import type { LlmConfig } from "@/lib/drafting/llm/config";
import { writeWithLlm } from "@/lib/drafting/llm/write-with-llm";
import { citationsIn } from "@/lib/drafting/section-schemas";
import { loadDraftInput } from "@/lib/reports/load-draft-input";
import { hashSections, isKept, mergeMachineDraft, readMeta, type RevisionMeta, type WriterOutcome } from "@/lib/reports/revision-meta";
import { readStatusUpdateCadence } from "@/lib/reports/status-update-cadence";

const DRAFTER = { type: "system", id: null, label: "drafter" } as const;

function findForeignInHumanSections(sections: Record<string, unknown>, meta: RevisionMeta, evidenceIds: Set<string>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [name, origin] of Object.entries(meta.origins)) {
    if (!isKept(origin)) continue;
    const foreign = citationsIn(sections[name]).filter((id) => !evidenceIds.has(id));
    if (foreign.length > 0) found[name] = [...new Set(foreign)];
  }
  return found;
}
const EDITABLE = ["draft", "in_review"] as const;

function carriedMeta(latest: { state: string; meta: unknown }): RevisionMeta {
  const meta = readMeta(latest.meta);
  if (latest.state !== "rejected") return meta;
  return { ...meta, origins: Object.fromEntries(Object.entries(meta.origins).filter(([, origin]) => origin !== "agent")), agent: undefined };
}

async function saveMachineDraft(
  tx: DbTx,
  incidentId: string,
  kind: "report" | "status_update",
  sections: Record<string, unknown>,
  meta: RevisionMeta,
  options: { forceNew?: boolean; evidenceIds?: Set<string> } = {},
): Promise<"created" | "updated" | "unchanged"> {
  const newest = await tx.reportRevision.findFirst({ where: { incidentId, kind }, orderBy: { number: "desc" }, select: { id: true } });
  // Lock the row, then read it: a person's save that committed while this draft was computed is merged, not overwritten.
  if (newest) await tx.$queryRaw`SELECT "id" FROM "ReportRevision" WHERE "id" = ${newest.id} FOR UPDATE`;
  const latest = newest ? await tx.reportRevision.findUniqueOrThrow({ where: { id: newest.id } }) : null;
  if (latest?.state === "approved" && !options.forceNew) return offerToApproved(tx, latest, sections, meta);
  const canUpdate = latest && (EDITABLE as readonly string[]).includes(latest.state) && !options.forceNew;
  if (canUpdate) {
    const merged = mergeMachineDraft(latest.sections as Record<string, unknown>, readMeta(latest.meta), sections);
    const contentHash = hashSections(merged.sections);
    // Human sections citing evidence that left the incident (a split, a merge) are flagged, not silently kept.
    const foreignCitations = options.evidenceIds ? findForeignInHumanSections(merged.sections, merged.meta, options.evidenceIds) : {};
    const nextMeta = { ...merged.meta, writer: meta.writer, draftedAt: meta.draftedAt, basis: meta.basis, foreignCitations };
    const previous = readMeta(latest.meta);
    if (contentHash === latest.contentHash && hashSections(merged.meta.suggestions) === hashSections(previous.suggestions) && hashSections(foreignCitations) === hashSections(previous.foreignCitations ?? {}) && hashSections(merged.meta.machine) === hashSections(previous.machine)) {
      return "unchanged";
    }
    await tx.reportRevision.update({
      where: { id: latest.id },
      data: { sections: merged.sections as Prisma.InputJsonObject, contentHash, meta: nextMeta as Prisma.InputJsonObject, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, DRAFTER, { action: "revision.redraft", targetType: "ReportRevision", targetId: latest.id, incidentId, after: { kind, number: latest.number, contentHash } });
    return "updated";
  }
  // A new revision after an approval, rejection or send carries the people's sections forward, and
  // an agent's only when a person did not reject them: a rejected proposal's text goes back to the machine's.
  const carried = latest ? mergeMachineDraft(latest.sections as Record<string, unknown>, carriedMeta(latest), sections) : { sections, meta: { origins: {}, suggestions: {}, machine: { ...sections } } as RevisionMeta };
  const contentHash = hashSections(carried.sections);
  if (latest && contentHash === latest.contentHash && !options.forceNew) return "unchanged";
  const created = await tx.reportRevision.create({
    data: {
      incidentId,
      kind,
      number: (latest?.number ?? 0) + 1,
      state: "draft",
      sections: carried.sections as Prisma.InputJsonObject,
      contentHash,
      meta: { ...meta, origins: carried.meta.origins, suggestions: carried.meta.suggestions, machine: carried.meta.machine, machineSeen: carried.meta.machineSeen ?? {}, editSize: carried.meta.editSize ?? {} } as Prisma.InputJsonObject,
      authorType: "machine",
      basedOnId: latest?.id ?? null,
      // People's sections carried forward keep their editor, so the two-person rule still sees who wrote them.
      ...(latest && Object.values(carried.meta.origins).some(isKept) && { lastEditedById: latest.lastEditedById, lastEditedByTokenId: latest.lastEditedByTokenId }),
    },
  });
  await recordAuditEvent(tx, DRAFTER, { action: "revision.draft", targetType: "ReportRevision", targetId: created.id, incidentId, after: { kind, number: created.number, contentHash: created.contentHash } });
  return "created";
}

/**
 * An approved revision waiting to be sent keeps its exact content (and so its approval): newer
 * machine text for any section is offered beside it as a suggestion, which a person may accept
 * (voiding the approval) or leave.
 */
async function offerToApproved(tx: DbTx, latest: { id: string; incidentId: string; number: number; sections: unknown; meta: unknown }, sections: Record<string, unknown>, meta: RevisionMeta): Promise<"updated" | "unchanged"> {
  const previous = readMeta(latest.meta);
  const everySectionFrozen = Object.fromEntries(Object.keys(sections).map((name) => [name, "human" as const]));
  const seen = { ...Object.fromEntries(Object.keys(sections).map((name) => [name, hashSections((latest.sections as Record<string, unknown>)[name])])), ...previous.machineSeen };
  const merged = mergeMachineDraft(latest.sections as Record<string, unknown>, { ...previous, origins: everySectionFrozen, machineSeen: seen }, sections);
  if (hashSections(merged.meta.suggestions) === hashSections(previous.suggestions) && hashSections(merged.meta.machine) === hashSections(previous.machine)) return "unchanged";
  // The basis stays the one the approved text was drafted from, so a later change (a resolve) still gets its own update.
  const nextMeta = { ...previous, suggestions: merged.meta.suggestions, machine: merged.meta.machine, writer: meta.writer, draftedAt: meta.draftedAt };
  await tx.reportRevision.update({ where: { id: latest.id }, data: { meta: nextMeta as Prisma.InputJsonObject, version: { increment: 1 } } });
  await recordAuditEvent(tx, DRAFTER, { action: "revision.suggest", targetType: "ReportRevision", targetId: latest.id, incidentId: latest.incidentId, after: { number: latest.number, suggestions: Object.keys(merged.meta.suggestions) } });
  return "updated";
}

/**
 * Re-drafts an incident's report from its current evidence (and, while it runs, its status
 * update when something significant changed or the cadence is due). Never overwrites a section a
 * human edited: the machine's proposal is kept beside it instead.
 */
export async function redraftIncident(
  db: Db,
  incidentId: string,
  options: { llm?: LlmConfig | null; now?: Date; env?: Record<string, string | undefined>; statusUpdateOnly?: boolean } = {},
) {
  const now = options.now ?? new Date();
  const input = await loadDraftInput(db, incidentId, now);
  let sections = options.statusUpdateOnly ? null : draftReport(input);
  let writer: WriterOutcome = { kind: "deterministic" };
  if (options.llm && sections) ({ sections, writer } = await writeWithLlm(options.llm, input, sections));
  if (sections) sections = withEditorDefaults(sections);
  const cadence = readStatusUpdateCadence((options.env ?? process.env).STATUS_UPDATE_CADENCE)[input.incident.severity];
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Incident" WHERE "id" = ${incidentId} FOR UPDATE`;
      const evidenceIds = new Set(input.evidence.map((e) => e.id));
      const report = sections
        ? await saveMachineDraft(tx, incidentId, "report", sections as unknown as Record<string, unknown>, { origins: {}, suggestions: {}, writer, draftedAt: now.toISOString() }, { evidenceIds })
        : ("skipped" as const);
      let statusUpdate: Awaited<ReturnType<typeof saveMachineDraft>> | "not-due" = "not-due";
      // Significant: status or severity moved, or an alert fired or cleared (not every chat line).
      const alertEvents = input.evidence.filter((e) => e.kind === "trigger" || e.kind === "resolve").length;
      const basis = { status: input.incident.status, severity: input.incident.severity, alertEvents };
      const last = await tx.reportRevision.findFirst({ where: { incidentId, kind: "status_update" }, orderBy: { number: "desc" } });
      const lastMeta = last ? readMeta(last.meta) : null;
      const isSignificant =
        !lastMeta?.basis || lastMeta.basis.status !== basis.status || lastMeta.basis.severity !== basis.severity || lastMeta.basis.alertEvents !== basis.alertEvents;
      const isDue = cadence !== null && (!lastMeta?.draftedAt || now.getTime() - new Date(lastMeta.draftedAt).getTime() >= cadence * 60_000);
      // While open: on significant changes and when due. Once resolved: one final update saying so.
      const isOpen = input.incident.status !== "resolved";
      if ((isOpen && (isSignificant || isDue)) || (!isOpen && lastMeta?.basis?.status !== "resolved")) {
        const update = draftStatusUpdate(input, { cadenceMinutes: cadence });
        statusUpdate = await saveMachineDraft(tx, incidentId, "status_update", update as unknown as Record<string, unknown>, { origins: {}, suggestions: {}, writer: { kind: "deterministic" }, draftedAt: now.toISOString(), basis });
      }
      return { report, statusUpdate, writer };
    },
    { timeout: 30_000 },
  );
}
