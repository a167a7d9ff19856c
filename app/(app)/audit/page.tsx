import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const ctx = await requirePageCtx("audit.read");
  const events = await listAuditEvents(ctx, { limit: 200 });
  return (
    <>
      <PageHeader title="Audit log" description="Append-only and hash-chained: every change, sign-in and failed sign-in. Newest first." />
      {events.length === 0 ? (
        <EmptyState title="No audit events yet" />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2">#</th>
                <th className="px-4 py-2">Time</th>
                <th className="px-4 py-2">Actor</th>
                <th className="px-4 py-2">Action</th>
                <th className="px-4 py-2">Target</th>
                <th className="px-4 py-2">Hash</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 font-mono text-xs dark:divide-slate-800">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="px-4 py-2 text-slate-500">{e.id}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <Time value={e.at} />
                  </td>
                  <td className="px-4 py-2">
                    {e.actorType}: {e.actorLabel}
                  </td>
                  <td className="px-4 py-2 font-semibold">{e.action}</td>
                  <td className="px-4 py-2">
                    {e.targetType} {e.targetId ?? ""}
                  </td>
                  <td className="px-4 py-2 text-slate-500" title={e.hash}>
                    {e.hash.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
