import { createHash } from "node:crypto";
import type { DbTx } from "@/lib/db";
import type { DraftSections } from "@/lib/drafting/types";
import type { StatusUpdateSections } from "@/lib/drafting/draft-status-update";
import { buildReportEmail, buildStatusUpdateEmail, type EmailIncident } from "@/lib/email/email-content";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { collectCitations } from "@/lib/stakeholder/collect-citations";

const AUDIENCE = "stakeholders";

/**
 * What a stakeholder may read of an incident: its headline facts, the latest report whose exact
 * content carries a standing approval, and every update that was sent. Drafts are never read here
 * (the query asks only for approved and sent revisions), and cited evidence shows its source and
 * time but not its text unless the evidence was marked public.
 */
export async function loadApprovedContent(db: DbTx, incidentId: string, pagePath: string) {
  const incident = await db.incident.findUnique({
    where: { id: incidentId },
    select: { id: true, number: true, title: true, severity: true, category: true, status: true, services: true, startedAt: true, startedAtCorrected: true, resolvedAt: true, resolvedAtCorrected: true, mergedInto: { select: { number: true } } },
  });
  if (!incident) return null;
  const revisions = await db.reportRevision.findMany({
    where: { incidentId, state: { in: ["approved", "sent"] } },
    orderBy: { number: "desc" },
    select: {
      id: true,
      kind: true,
      number: true,
      state: true,
      sections: true,
      contentHash: true,
      approvals: { where: { voidedAt: null }, orderBy: { createdAt: "desc" }, select: { contentHash: true, createdAt: true } },
      deliveries: { orderBy: { createdAt: "asc" }, take: 1, select: { createdAt: true } },
    },
  });
  // An approval stands only for the exact content it approved.
  const approved = revisions.flatMap((r) => {
    const approval = r.approvals.find((a) => a.contentHash === r.contentHash);
    return approval ? [{ ...r, approvedAt: approval.createdAt, sentAt: r.state === "sent" ? (r.deliveries[0]?.createdAt ?? null) : null }] : [];
  });
  const cited = [...new Set(approved.flatMap((r) => collectCitations(r.sections)))];
  const entries = cited.length === 0 ? [] : await db.timelineEntry.findMany({ where: { id: { in: cited }, incidentId }, select: { id: true, at: true, source: true, text: true, internal: true } });
  const evidence = new Map(entries.map((e) => [e.id, { at: e.at, source: e.source, text: e.internal ? "" : e.text }]));
  const key = formatIncidentKey(incident.number);
  const emailIncident: EmailIncident = { key, title: incident.title, severity: incident.severity, category: incident.category, status: incident.status, services: incident.services, pageUrl: pagePath };
  const reportRevision = approved.find((r) => r.kind === "report");
  const report = reportRevision
    ? { number: reportRevision.number, approvedAt: reportRevision.approvedAt, sentAt: reportRevision.sentAt, content: buildReportEmail(emailIncident, reportRevision.sections as unknown as DraftSections, evidence, AUDIENCE) }
    : null;
  const updates = approved
    .filter((r) => r.sentAt)
    .sort((a, b) => b.sentAt!.getTime() - a.sentAt!.getTime())
    .map((r) =>
      r.kind === "status_update"
        ? { kind: "status_update" as const, id: r.id, number: r.number, sentAt: r.sentAt!, content: buildStatusUpdateEmail(emailIncident, r.sections as unknown as StatusUpdateSections, evidence, AUDIENCE) }
        : { kind: "report" as const, id: r.id, number: r.number, sentAt: r.sentAt!, content: buildReportEmail(emailIncident, r.sections as unknown as DraftSections, evidence, AUDIENCE) },
    );
  const view = {
    incident: {
      key,
      title: incident.title,
      severity: incident.severity,
      category: incident.category,
      status: incident.status,
      services: incident.services,
      startedAt: incident.startedAtCorrected ?? incident.startedAt,
      resolvedAt: incident.resolvedAtCorrected ?? incident.resolvedAt,
      mergedInto: incident.mergedInto ? formatIncidentKey(incident.mergedInto.number) : null,
    },
    report,
    updates,
  };
  // Changes whenever anything a stakeholder sees changes: the page's poller compares it.
  const version = createHash("sha256").update(JSON.stringify(view)).digest("base64url").slice(0, 16);
  return { ...view, version };
}

export type ApprovedContent = NonNullable<Awaited<ReturnType<typeof loadApprovedContent>>>;
