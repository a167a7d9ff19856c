import type { DraftSections } from "@/lib/drafting/types";
import type { DbTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import type { PlanInput } from "@/lib/deliveries/plan-deliveries";

/** Everything planDeliveries needs for one revision, read from the database. */
export async function loadPlanInput(db: DbTx, revisionId: string, origin: string) {
  const revision = await db.reportRevision.findUnique({
    where: { id: revisionId },
    select: {
      id: true,
      kind: true,
      state: true,
      version: true,
      contentHash: true,
      sections: true,
      incident: {
        select: { id: true, number: true, title: true, severity: true, category: true, status: true, services: true, tags: true, extraRecipients: true, excludedRecipients: true, startedAt: true, resolvedAt: true, threadMessageId: true },
      },
    },
  });
  if (!revision) throw new AppError("NOT_FOUND", "That draft does not exist.");
  const i = revision.incident;
  const sections = revision.sections as Record<string, unknown>;
  const ownerIds = revision.kind === "report" ? [...new Set(((sections as unknown as DraftSections).actionItems?.items ?? []).map((item) => item.ownerId).filter((id): id is string => Boolean(id)))] : [];
  const [entries, lists, owners] = await Promise.all([
    db.timelineEntry.findMany({ where: { incidentId: i.id }, select: { id: true, at: true, source: true, text: true } }),
    db.distributionList.findMany({ orderBy: { name: "asc" } }),
    db.user.findMany({ where: { id: { in: ownerIds }, disabledAt: null }, select: { id: true, name: true, email: true } }),
  ]);
  const key = formatIncidentKey(i.number);
  const input: PlanInput = {
    kind: revision.kind,
    sections,
    incident: {
      key,
      title: i.title,
      severity: i.severity,
      category: i.category,
      status: i.status,
      services: i.services,
      pageUrl: `${origin}/incidents/${key}`,
      tags: i.tags,
      extraRecipients: i.extraRecipients,
      excludedRecipients: i.excludedRecipients,
      startedAt: i.startedAt,
      resolvedAt: i.resolvedAt,
      isReply: i.threadMessageId !== null,
    },
    lists,
    evidence: new Map(entries.map((e) => [e.id, e])),
    owners: new Map(owners.map((u) => [u.id, { name: u.name, email: u.email }])),
  };
  return { revision, incident: { ...i, key }, input };
}
