import type { Metadata } from "next";
import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { listIncidentsSchema } from "@/lib/incidents/schemas";
import { IncidentFilters } from "./incident-filters";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: PageProps<"/incidents">) {
  const ctx = await requirePageCtx("incidents.read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = listIncidentsSchema.safeParse(raw);
  const filters = parsed.success ? raw : {};
  const incidents = await listIncidents(ctx, filters);
  const isFiltered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader title="Incidents" description="Newest first. Times are UTC." />
      <IncidentFilters current={filters} />
      {!parsed.success && <p className="mb-4 text-sm text-amber-700">Some filters were not understood and were ignored.</p>}
      {incidents.length === 0 ? (
        <EmptyState title={isFiltered ? "No incidents match these filters" : "No incidents yet"}>
          {isFiltered ? "Clear the filters to see every incident." : "Incidents appear here when a monitoring tool sends a webhook or a responder opens one."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800">
              <tr>
                <th className="px-4 py-3 font-medium">Incident</th>
                <th className="px-4 py-3 font-medium">Severity</th>
                <th className="px-4 py-3 font-medium">Status</th>
                <th className="px-4 py-3 font-medium">Services</th>
                <th className="px-4 py-3 font-medium">Started</th>
                <th className="px-4 py-3 font-medium">Commander</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {incidents.map((incident) => (
                <tr key={incident.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                  <td className="px-4 py-3">
                    <Link href={`/incidents/${incident.key}`} className="font-medium hover:underline">
                      <span className="font-mono text-slate-500">{incident.key}</span> {incident.title}
                    </Link>
                    {incident.tags.length > 0 && <div className="mt-1 text-xs text-slate-500">{incident.tags.map((t) => `#${t}`).join(" ")}</div>}
                  </td>
                  <td className="px-4 py-3">
                    <SeverityBadge severity={incident.severity} />
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={incident.status} />
                  </td>
                  <td className="px-4 py-3 text-slate-600 dark:text-slate-400">{incident.services.join(", ") || "—"}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <Time value={incident.startedAt} />
                  </td>
                  <td className="px-4 py-3">{incident.commander?.name ?? <span className="text-slate-400">unassigned</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
