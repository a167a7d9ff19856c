import type { Metadata } from "next";
import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
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
        <Table headers={["Incident", "Severity", "Status", "Services", "Started", "Commander"]}>
          {incidents.map((incident) => (
            <tr key={incident.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <Td className="min-w-64">
                <Link href={`/incidents/${incident.key}`} className="font-medium hover:underline">
                  <span className="font-mono text-slate-500">{incident.key}</span> {incident.title}
                </Link>
                {incident.tags.length > 0 && <div className="mt-1 text-xs text-slate-500">{incident.tags.map((t) => `#${t}`).join(" ")}</div>}
              </Td>
              <Td>
                <SeverityBadge severity={incident.severity} />
              </Td>
              <Td>
                <StatusBadge status={incident.status} />
              </Td>
              <Td className="text-slate-600 dark:text-slate-400">{incident.services.join(", ") || "—"}</Td>
              <Td className="whitespace-nowrap">
                <Time value={incident.startedAt} />
              </Td>
              <Td>{incident.commander?.name ?? <span className="text-slate-400">unassigned</span>}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
