import type { DbTx } from "@/lib/db";
import type { DraftEvidence, DraftInput } from "@/lib/drafting/types";
import { formatIncidentKey } from "@/lib/incidents/incident-key";

/** SLO_AVAILABILITY_TARGET as a fraction ("99.9" or "0.999"); 99.9% when unset or not a sensible value. */
export function readSloTarget(value: string | undefined): number {
  const n = Number(value);
  const fraction = n > 1 ? n / 100 : n;
  return Number.isFinite(fraction) && fraction > 0.5 && fraction < 1 ? fraction : 0.999;
}

/** The drafter's input for one incident: the incident and its visible evidence, nothing else. */
export async function loadDraftInput(db: DbTx, incidentId: string, now = new Date()): Promise<DraftInput> {
  const incident = await db.incident.findUniqueOrThrow({ where: { id: incidentId } });
  const entries = await db.timelineEntry.findMany({
    where: { incidentId, hidden: false },
    orderBy: [{ at: "asc" }, { createdAt: "asc" }],
    select: { id: true, at: true, kind: true, text: true, source: true, authorType: true, data: true, author: { select: { name: true } } },
  });
  const evidence: DraftEvidence[] = entries.map((e) => ({
    id: e.id,
    at: e.at,
    kind: e.kind,
    text: e.text,
    source: e.source,
    authorType: e.authorType,
    authorName: e.author?.name ?? null,
    data: (e.data as Record<string, unknown> | null) ?? null,
  }));
  return {
    incident: {
      key: formatIncidentKey(incident.number),
      title: incident.title,
      severity: incident.severity,
      category: incident.category,
      status: incident.status,
      services: incident.services,
      startedAt: incident.startedAt,
      detectedAt: incident.detectedAt,
      acknowledgedAt: incident.acknowledgedAt,
      resolvedAt: incident.resolvedAt,
    },
    evidence,
    now,
    sloTarget: readSloTarget(process.env.SLO_AVAILABILITY_TARGET),
  };
}
