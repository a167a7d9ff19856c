import type { DbTx } from "@/lib/db";
import { readMeta } from "@/lib/reports/revision-meta";

const select = { id: true, kind: true, number: true, state: true, sections: true, meta: true, contentHash: true, version: true, authorType: true, updatedAt: true } as const;

/** The latest report and status-update revisions of an incident, with who wrote which section. */
export async function findCurrentDrafts(db: DbTx, incidentId: string) {
  const [report, statusUpdate] = await Promise.all([
    db.reportRevision.findFirst({ where: { incidentId, kind: "report" }, orderBy: { number: "desc" }, select }),
    db.reportRevision.findFirst({ where: { incidentId, kind: "status_update" }, orderBy: { number: "desc" }, select }),
  ]);
  const shape = (revision: typeof report) => {
    if (!revision) return null;
    const meta = readMeta(revision.meta);
    return {
      ...revision,
      meta: undefined,
      origins: meta.origins,
      suggestions: meta.suggestions,
      writer: meta.writer ?? null,
      draftedAt: meta.draftedAt ?? null,
      foreignCitations: meta.foreignCitations ?? {},
    };
  };
  return { report: shape(report), statusUpdate: shape(statusUpdate) };
}

export type CurrentDrafts = Awaited<ReturnType<typeof findCurrentDrafts>>;
