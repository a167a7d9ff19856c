import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listOutbox } from "@/lib/deliveries/list-outbox";
import { formatIncidentKey } from "@/lib/incidents/incident-key";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const ctx = await requirePageCtx("outbox.read");
  const deliveries = await listOutbox(ctx);
  return (
    <>
      <PageHeader title="Outbox" description="Every e-mail handed to the mail transport, with its recipient and delivery status." />
      {deliveries.length === 0 ? (
        <EmptyState title="No mail sent yet">Approved reports and status updates appear here when they are sent.</EmptyState>
      ) : (
        <table className="w-full rounded-xl border border-slate-200 bg-white text-left text-sm dark:border-slate-800 dark:bg-slate-900">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-2">Incident</th>
              <th className="px-4 py-2">Recipient</th>
              <th className="px-4 py-2">Status</th>
              <th className="px-4 py-2">Sent</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td className="px-4 py-2">
                  {formatIncidentKey(d.revision.incident.number)} · {d.revision.kind === "report" ? "report" : "status update"} r{d.revision.number}
                </td>
                <td className="px-4 py-2">{d.recipient}</td>
                <td className="px-4 py-2">{d.status}</td>
                <td className="px-4 py-2">
                  <Time value={d.sentAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
