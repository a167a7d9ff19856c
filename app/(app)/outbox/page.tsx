import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listOutbox } from "@/lib/deliveries/list-outbox";

export const metadata: Metadata = { title: "Outbox" };

const STATUS: Record<string, string> = { queued: "text-slate-600", sending: "text-slate-600", sent: "text-emerald-700 dark:text-emerald-400", failed: "text-red-700 dark:text-red-400" };

export default async function OutboxPage() {
  const ctx = await requirePageCtx("outbox.read");
  const deliveries = await listOutbox(ctx);
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email handed to the mail transport, one row per recipient, exactly as sent. Without RESEND_API_KEY this is where mail goes (and on to SMTP_URL when set)."
      />
      {deliveries.length === 0 ? (
        <EmptyState title="No mail sent yet">Approved reports and status updates appear here when they are sent.</EmptyState>
      ) : (
        <Table headers={["Subject", "To", "Why", "Status", "Sent"]}>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <Td className="min-w-64">
                <Link href={`/outbox/${d.id}`} className="font-medium hover:underline">
                  {d.subject}
                </Link>
                <div className="text-xs text-slate-500">
                  {d.incidentKey} · {d.template.replace("_", " ")} · r{d.revision.number}
                </div>
              </Td>
              <Td className="break-all">{d.recipient}</Td>
              <Td className="text-slate-600 dark:text-slate-400">{d.reason}</Td>
              <Td>
                <span className={`font-medium ${STATUS[d.status] ?? ""}`}>{d.status}</span>
                {d.attempts > 1 && <span className="text-xs text-slate-500"> · {d.attempts} tries</span>}
                {d.lastError && <div className="max-w-xs text-xs break-words text-red-700 dark:text-red-400">{d.lastError}</div>}
              </Td>
              <Td className="whitespace-nowrap">
                <Time value={d.sentAt} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
