import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { TimelineList } from "@/components/incidents/timeline-list";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { isAppError } from "@/lib/errors";
import { getIncident } from "@/lib/incidents/get-incident";

export async function generateMetadata({ params }: PageProps<"/incidents/[key]">): Promise<Metadata> {
  return { title: (await params).key };
}

export default async function IncidentPage({ params }: PageProps<"/incidents/[key]">) {
  const ctx = await requirePageCtx("incidents.read");
  const { key } = await params;
  const incident = await getIncident(ctx, { key }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const facts: { label: string; value: React.ReactNode }[] = [
    { label: "Category", value: <span className="capitalize">{incident.category}</span> },
    { label: "Services", value: incident.services.join(", ") || "—" },
    { label: "Commander", value: incident.commander?.name ?? "unassigned" },
    { label: "Started", value: <Time value={incident.startedAt} /> },
    { label: "Detected", value: <Time value={incident.detectedAt} /> },
    { label: "Acknowledged", value: <Time value={incident.acknowledgedAt} /> },
    { label: "Resolved", value: <Time value={incident.resolvedAt} /> },
  ];
  return (
    <article>
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
        </div>
      </header>
      <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
            Timeline
          </h2>
          {incident.timeline === null ? (
            <EmptyState title="The evidence timeline is for responders">Approved updates for stakeholders appear here once they are sent.</EmptyState>
          ) : incident.timeline.length === 0 ? (
            <EmptyState title="No evidence yet">Alerts, chat messages and notes will appear here as they arrive.</EmptyState>
          ) : (
            <TimelineList entries={incident.timeline} />
          )}
        </section>
        <aside className="order-first lg:order-none">
          <dl className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
            {facts.map(({ label, value }) => (
              <div key={label} className="flex justify-between gap-4">
                <dt className="text-slate-500">{label}</dt>
                <dd className="text-right whitespace-nowrap">{value}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
    </article>
  );
}
