import type { ReactNode } from "react";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import type { ApprovedContent } from "@/lib/stakeholder/load-approved-content";
import { ApprovedReport } from "./approved-report";
import { utc } from "./cited-lines";
import { SentUpdates } from "./sent-updates";

/**
 * What stakeholders read, for a signed-in VIEWER and a share link alike: headline facts, the
 * latest approved report and the updates that were sent. Everything here is approved content.
 * `refresh` is how the page keeps itself current while the incident is open: a client island in
 * the app, an inline script on the share link's plain-HTML page (app/status/[token]/route.ts).
 */
export function StakeholderView({ view, refresh, heading = "h1" }: { view: ApprovedContent; refresh: ReactNode; heading?: "h1" | "h2" }) {
  const { incident, report, updates } = view;
  const Title = heading;
  return (
    <article className="stakeholder-view space-y-8">
      <header>
        <p className="incident-key font-mono text-sm text-slate-500">{incident.key}</p>
        <Title className="incident-title mt-1 text-2xl font-semibold tracking-tight">{incident.title}</Title>
        <div className="incident-facts mt-3 flex flex-wrap items-center gap-2 text-sm">
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          <span className="text-slate-600 dark:text-slate-400">
            Status: {incident.status} · started {utc(incident.startedAt)}
            {incident.resolvedAt && ` · resolved ${utc(incident.resolvedAt)}`}
          </span>
        </div>
        {incident.services.length > 0 && <p className="services mt-2 text-sm text-slate-600 dark:text-slate-400">Affected services: {incident.services.join(", ")}</p>}
        {incident.mergedInto && <p className="merged mt-2 text-sm">This incident was merged into {incident.mergedInto}.</p>}
        {incident.status !== "resolved" && <div className="refresh mt-3">{refresh}</div>}
      </header>
      <section aria-labelledby="approved-report-heading">
        <h2 id="approved-report-heading" className="mb-1 text-lg font-semibold">
          Incident report
        </h2>
        {report ? (
          <>
            <p className="meta mb-4 text-xs text-slate-500">
              Revision {report.number}, approved {utc(report.approvedAt)}
              {report.sentAt ? `, sent ${utc(report.sentAt)}` : ", not yet emailed"}.
            </p>
            <ApprovedReport report={report.content} />
          </>
        ) : (
          <p className="muted text-sm text-slate-500">No report has been approved yet. The incident commander approves every word before it is shown here.</p>
        )}
      </section>
      <section aria-labelledby="sent-updates-heading">
        <h2 id="sent-updates-heading" className="mb-3 text-lg font-semibold">
          Updates sent
        </h2>
        <SentUpdates updates={updates} />
      </section>
    </article>
  );
}
