import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db, DbTx } from "@/lib/db";
import { draftReport } from "@/lib/drafting/draft-report";
import { draftStatusUpdate } from "@/lib/drafting/draft-status-update";
import type { LlmConfig } from "@/lib/drafting/llm/config";
import { writeWithLlm } from "@/lib/drafting/llm/write-with-llm";
import { loadDraftInput } from "@/lib/reports/load-draft-input";
import { hashSections, mergeMachineDraft, readMeta, type RevisionMeta, type WriterOutcome } from "@/lib/reports/revision-meta";
import { readStatusUpdateCadence } from "@/lib/reports/status-update-cadence";

const DRAFTER = { type: "system", id: null, label: "drafter" } as const;
const EDITABLE = ["draft", "in_review"] as const;

async function saveMachineDraft(
  tx: DbTx,
  incidentId: string,
  kind: "report" | "status_update",
  sections: Record<string, unknown>,
  meta: RevisionMeta,
  options: { forceNew?: boolean } = {},
): Promise<"created" | "updated" | "unchanged"> {
  const latest = await tx.reportRevision.findFirst({ where: { incidentId, kind }, orderBy: { number: "desc" } });
  const canUpdate = latest && (EDITABLE as readonly string[]).includes(latest.state) && !options.forceNew;
  if (canUpdate) {
    const merged = mergeMachineDraft(latest.sections as Record<string, unknown>, readMeta(latest.meta), sections as never);
    const contentHash = hashSections(merged.sections);
    const nextMeta = { ...merged.meta, writer: meta.writer, draftedAt: meta.draftedAt, basis: meta.basis };
    if (contentHash === latest.contentHash && hashSections(merged.meta.suggestions) === hashSections(readMeta(latest.meta).suggestions)) return "unchanged";
    await tx.reportRevision.update({
      where: { id: latest.id },
      data: { sections: merged.sections as Prisma.InputJsonObject, contentHash, meta: nextMeta as Prisma.InputJsonObject, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, DRAFTER, { action: "revision.redraft", targetType: "ReportRevision", targetId: latest.id, incidentId, after: { kind, number: latest.number, contentHash } });
    return "updated";
  }
  const created = await tx.reportRevision.create({
    data: {
      incidentId,
      kind,
      number: (latest?.number ?? 0) + 1,
      state: "draft",
      sections: sections as Prisma.InputJsonObject,
      contentHash: hashSections(sections),
      meta: { ...meta, origins: {}, suggestions: {} } as Prisma.InputJsonObject,
      authorType: "machine",
      basedOnId: latest?.id ?? null,
    },
  });
  await recordAuditEvent(tx, DRAFTER, { action: "revision.draft", targetType: "ReportRevision", targetId: created.id, incidentId, after: { kind, number: created.number, contentHash: created.contentHash } });
  return "created";
}

/**
 * Re-drafts an incident's report from its current evidence (and, while it runs, its status
 * update when something significant changed or the cadence is due). Never overwrites a section a
 * human edited: the machine's proposal is kept beside it instead.
 */
export async function redraftIncident(db: Db, incidentId: string, options: { llm?: LlmConfig | null; now?: Date; env?: Record<string, string | undefined> } = {}) {
  const now = options.now ?? new Date();
  const input = await loadDraftInput(db, incidentId, now);
  let sections = draftReport(input);
  let writer: WriterOutcome = { kind: "deterministic" };
  if (options.llm) ({ sections, writer } = await writeWithLlm(options.llm, input, sections));
  const cadence = readStatusUpdateCadence((options.env ?? process.env).STATUS_UPDATE_CADENCE)[input.incident.severity];
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Incident" WHERE "id" = ${incidentId} FOR UPDATE`;
      const report = await saveMachineDraft(tx, incidentId, "report", sections as unknown as Record<string, unknown>, { origins: {}, suggestions: {}, writer, draftedAt: now.toISOString() });
      let statusUpdate: Awaited<ReturnType<typeof saveMachineDraft>> | "not-due" = "not-due";
      const basis = { status: input.incident.status, severity: input.incident.severity };
      const last = await tx.reportRevision.findFirst({ where: { incidentId, kind: "status_update" }, orderBy: { number: "desc" } });
      const lastMeta = last ? readMeta(last.meta) : null;
      const isSignificant = !lastMeta?.basis || lastMeta.basis.status !== basis.status || lastMeta.basis.severity !== basis.severity;
      const isDue = cadence !== null && (!lastMeta?.draftedAt || now.getTime() - new Date(lastMeta.draftedAt).getTime() >= cadence * 60_000);
      if (input.incident.status !== "resolved" && (isSignificant || isDue)) {
        const update = draftStatusUpdate(input, { cadenceMinutes: cadence });
        statusUpdate = await saveMachineDraft(tx, incidentId, "status_update", update as unknown as Record<string, unknown>, { origins: {}, suggestions: {}, writer: { kind: "deterministic" }, draftedAt: now.toISOString(), basis });
      }
      return { report, statusUpdate, writer };
    },
    { timeout: 30_000 },
  );
}
