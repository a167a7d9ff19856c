import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { TimelineList } from "@/components/incidents/timeline-list";
import { DraftReportView } from "@/components/reports/draft-report-view";
import type { DraftSections } from "@/lib/drafting/types";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { can } from "@/lib/authz";
import { isAppError } from "@/lib/errors";
import { getIncident } from "@/lib/incidents/get-incident";
import { listTagSuggestions } from "@/lib/incidents/list-tag-suggestions";
import { listIncidentDeliveries } from "@/lib/deliveries/list-incident-deliveries";
import { AutoRefresh } from "@/components/stakeholder/auto-refresh";
import { StakeholderView } from "@/components/stakeholder/stakeholder-view";
import { findPublicOrigin } from "@/lib/http/public-origin";
import { getStakeholderView } from "@/lib/stakeholder/get-stakeholder-view";
import { listShareLinks } from "@/lib/stakeholder/list-share-links";
import { AddEvidenceForm } from "./_components/add-evidence-form";
import { ClassifyForm } from "./_components/classify-form";
import { CorrectMilestoneForm } from "./_components/correct-milestone-form";
import { MergeForm } from "./_components/merge-form";
import { ShareLinksPanel } from "./_components/share-links-panel";
import { SplitForm } from "./_components/split-form";
import { SPLIT_FORM_ID } from "./_components/split-form-id";

export async function generateMetadata({ params }: PageProps<"/incidents/[key]">): Promise<Metadata> {
  return { title: (await params).key };
}

export default async function IncidentPage({ params }: PageProps<"/incidents/[key]">) {
  const ctx = await requirePageCtx("incidents.read");
  const { key } = await params;
  const rethrow = (error: unknown): never => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  };
  // Stakeholders read approved content only: their page is built from nothing else.
  if (!can(ctx.actor.role, "drafts.read")) {
    const view = await getStakeholderView(ctx, { key }).catch(rethrow);
    return <StakeholderView view={view} refresh={<AutoRefresh versionUrl={`/api/incidents/${view.incident.key}/approved`} version={view.version} />} />;
  }
  const incident = await getIncident(ctx, { key }).catch(rethrow);
  const canEdit = can(ctx.actor.role, "incidents.update") && !incident.mergedInto;
  const deliveries = can(ctx.actor.role, "drafts.read") ? await listIncidentDeliveries(ctx, { incidentId: incident.id }) : [];
  const canAddEvidence = can(ctx.actor.role, "evidence.create") && !incident.mergedInto;
  const origin = can(ctx.actor.role, "share_links.manage") ? await findPublicOrigin() : null;
  const shareLinks = origin
    ? (await listShareLinks(ctx, { incidentId: incident.id, origin })).map((l) => ({
        id: l.id,
        label: l.label,
        state: l.state,
        url: l.url,
        expiresAt: l.expiresAt.toISOString(),
        createdBy: l.createdBy?.name ?? null,
        revoked: l.revokedAt ? { at: l.revokedAt.toISOString(), by: l.revokedBy?.name ?? null } : null,
        views: l.views,
      }))
    : null;
  const facts: { label: string; value: React.ReactNode }[] = [
    { label: "Category", value: <span className="capitalize">{incident.category}</span> },
    { label: "Services", value: incident.services.join(", ") || "—" },
    { label: "Commander", value: incident.commander?.name ?? "unassigned" },
    { label: "Started", value: <Milestone derived={incident.startedAt} corrected={incident.startedAtCorrected} /> },
    { label: "Detected", value: <Time value={incident.detectedAt} /> },
    { label: "Acknowledged", value: <Milestone derived={incident.acknowledgedAt} corrected={incident.acknowledgedAtCorrected} /> },
    { label: "Resolved", value: <Milestone derived={incident.resolvedAt} corrected={incident.resolvedAtCorrected} /> },
  ];
  return (
    <article>
      {incident.mergedInto && (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          Merged into{" "}
          <Link href={`/incidents/${incident.mergedInto}`} className="font-medium underline">
            {incident.mergedInto}
          </Link>
          ; its evidence lives there now.
        </p>
      )}
      <header className="mb-6">
        <p className="font-mono text-sm text-slate-500">{incident.key}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{incident.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          {incident.tags.map((tag) => (
            <span key={tag} className="text-xs text-slate-500">
              #{tag}
            </span>
          ))}
          <Link href={`/incidents/${incident.key}/history`} className="ml-auto text-sm font-medium underline hover:no-underline">
            History and evidence pack
          </Link>
        </div>
      </header>
      <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-8">
        {incident.drafts && (
          <section aria-labelledby="draft-heading">
            <div className="mb-3 flex flex-wrap items-center gap-3">
              <h2 id="draft-heading" className="text-lg font-semibold">
                Draft report
              </h2>
              {incident.drafts.report && (
                <Link href={`/incidents/${incident.key}/review`} className="ml-auto rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900">
                  {can(ctx.actor.role, "incidents.approve") ? "Review and approve" : "Edit the draft"}
                </Link>
              )}
              {incident.drafts.statusUpdate && (
                <Link href={`/incidents/${incident.key}/review?kind=status_update`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                  Status update
                </Link>
              )}
            </div>
            {incident.drafts.report ? (
              <DraftReportView
                sections={incident.drafts.report.sections as unknown as DraftSections}
                origins={incident.drafts.report.origins}
                suggestions={incident.drafts.report.suggestions}
                writer={incident.drafts.report.writer}
                foreignCitations={incident.drafts.report.foreignCitations}
                number={incident.drafts.report.number}
                state={incident.drafts.report.state}
                index={new Map((incident.timeline ?? []).map((e, i) => [e.id, i + 1]))}
              />
            ) : (
              <EmptyState title="No draft yet">A draft is compiled within seconds of the first evidence.</EmptyState>
            )}
          </section>
        )}
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
            Timeline
          </h2>
          {!incident.timeline || incident.timeline.length === 0 ? (
            <EmptyState title="No evidence yet">Alerts, chat messages and notes will appear here as they arrive.</EmptyState>
          ) : (
            <>
              <TimelineList entries={incident.timeline} selectForm={canEdit && incident.timeline.length > 1 ? SPLIT_FORM_ID : undefined} />
              {canEdit && incident.timeline.length > 1 && <SplitForm incidentKey={incident.key} />}
            </>
          )}
        </section>
        </div>
        <aside className="order-first space-y-4 lg:order-none">
          <dl className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
            {facts.map(({ label, value }) => (
              <div key={label} className="flex justify-between gap-4">
                <dt className="text-slate-500">{label}</dt>
                <dd className={`text-right ${label === "Services" || label === "Commander" ? "break-words" : "whitespace-nowrap"}`}>{value}</dd>
              </div>
            ))}
          </dl>
          {incident.senderKeys.length > 0 && (
            <div className="rounded-xl border border-slate-200 bg-white p-4 text-xs dark:border-slate-800 dark:bg-slate-900">
              <h2 className="mb-1 text-sm font-semibold">Sender references</h2>
              <ul className="space-y-0.5 font-mono break-all text-slate-600 dark:text-slate-400">
                {incident.senderKeys.map((key) => (
                  <li key={key}>{key}</li>
                ))}
              </ul>
            </div>
          )}
          {deliveries.length > 0 && (
            <div className="rounded-xl border border-slate-200 bg-white p-4 text-xs dark:border-slate-800 dark:bg-slate-900" data-testid="incident-deliveries">
              <h2 className="mb-2 text-sm font-semibold">Sent ({deliveries.filter((d) => d.status === "sent").length} of {deliveries.length})</h2>
              <ul className="space-y-1">
                {deliveries.map((d) => (
                  <li key={d.id} className="break-words">
                    <span className={d.status === "failed" ? "font-medium text-red-700 dark:text-red-400" : d.status === "sent" ? "font-medium text-emerald-700 dark:text-emerald-400" : "font-medium"}>{d.status}</span> {d.recipient}{" "}
                    <span className="text-slate-500">
                      · {d.template.replace("_", " ")} r{d.revision.number}
                    </span>
                    {d.lastError && <span className="block text-red-700 dark:text-red-400">{d.lastError}</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canAddEvidence && <AddEvidenceForm incidentKey={incident.key} />}
          {can(ctx.actor.role, "milestones.correct") && !incident.mergedInto && <CorrectMilestoneForm incidentKey={incident.key} />}
          {canEdit && <ClassifyForm incidentKey={incident.key} category={incident.category} tags={incident.tags} suggestions={await listTagSuggestions(ctx)} />}
          {shareLinks && (!incident.mergedInto || shareLinks.length > 0) && <ShareLinksPanel incidentKey={incident.key} links={shareLinks} canCreate={!incident.mergedInto} />}
          {canEdit && <MergeForm incidentKey={incident.key} />}
        </aside>
      </div>
    </article>
  );
}

/** A milestone as the timeline derived it, or a person's correction with the derived time beside it. */
function Milestone({ derived, corrected }: { derived: Date | null; corrected: Date | null }) {
  if (!corrected) return <Time value={derived} />;
  return (
    <span>
      <Time value={corrected} /> <span className="block text-xs text-amber-700 dark:text-amber-300">corrected; timeline says {derived ? <Time value={derived} /> : "none"}</span>
    </span>
  );
}
