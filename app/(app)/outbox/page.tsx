import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
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
        <Table headers={["Incident", "Recipient", "Status", "Sent"]}>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <Td>
                {formatIncidentKey(d.revision.incident.number)} · {d.revision.kind === "report" ? "report" : "status update"} r{d.revision.number}
              </Td>
              <Td>{d.recipient}</Td>
              <Td>{d.status}</Td>
              <Td>
                <Time value={d.sentAt} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
