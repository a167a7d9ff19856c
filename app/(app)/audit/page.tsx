import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
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
        <Table headers={["#", "Time", "Actor", "Action", "Target", "Hash"]} className="font-mono text-xs">
          {events.map((e) => (
            <tr key={e.id}>
              <Td className="text-slate-500">{e.id}</Td>
              <Td className="whitespace-nowrap">
                <Time value={e.at} />
              </Td>
              <Td>
                {e.actorType}: {e.actorLabel}
              </Td>
              <Td className="font-semibold">{e.action}</Td>
              <Td>
                {e.targetType} {e.targetId ?? ""}
              </Td>
              <Td className="text-slate-500">
                <span title={e.hash}>{e.hash.slice(0, 12)}…</span>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
