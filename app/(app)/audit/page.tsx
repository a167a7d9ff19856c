import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { AuditFilters } from "./_components/audit-filters";
import { ChangeDetails } from "./_components/change-details";
import { VerifyChainButton } from "./_components/verify-chain-button";

export const metadata: Metadata = { title: "Audit log" };

const FILTER_KEYS = ["actor", "action", "incident", "from", "to"] as const;

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const ctx = await requirePageCtx("audit.read");
  const params = await searchParams;
  const raw = Object.fromEntries(FILTER_KEYS.map((k) => [k, typeof params[k] === "string" ? params[k] : undefined]));
  const before = typeof params.before === "string" ? params.before : undefined;
  const parsed = auditFilterSchema.safeParse({ ...raw, before });
  const { events, nextBefore } = await listAuditEvents(ctx, parsed.success ? { ...raw, before, limit: 100 } : { limit: 100 });
  const query = FILTER_KEYS.filter((k) => parsed.success && raw[k]).map((k) => `&${k}=${encodeURIComponent(raw[k]!)}`).join("");
  const isFiltered = query !== "";
  return (
    <>
      <PageHeader title="Audit log" description="Append-only and hash-chained: every change, sign-in, failed sign-in and refusal, newest first. Times are UTC." />
      <div className="mb-4">
        <VerifyChainButton />
      </div>
      <AuditFilters current={raw} query={query} />
      {!parsed.success && <p className="mb-4 text-sm text-amber-700 dark:text-amber-300">Filters ignored: {parsed.error.issues.map((i) => i.message).join(" ")}</p>}
      {events.length === 0 ? (
        <EmptyState title={isFiltered ? "No audit events match these filters" : "No audit events yet"} />
      ) : (
        <Table headers={["#", "Time", "Actor", "Action", "Target", "Change", "Hash"]} className="text-xs">
          {events.map((e) => (
            <tr key={e.id} className="align-top">
              <Td className="font-mono text-slate-500">{e.id}</Td>
              <Td className="whitespace-nowrap">
                <Time value={e.at} />
              </Td>
              <Td>
                <span className="text-slate-500">{e.actorType}</span> {e.actorLabel}
              </Td>
              <Td className="font-mono font-semibold">{e.action}</Td>
              <Td>
                {e.incidentKey ? (
                  <Link href={`/incidents/${e.incidentKey}`} className="font-mono hover:underline">
                    {e.incidentKey}
                  </Link>
                ) : (
                  e.targetType
                )}
                {e.requestId && <div className="font-mono text-[10px] text-slate-400">req {e.requestId}</div>}
              </Td>
              <Td className="min-w-48">
                <ChangeDetails before={e.before} after={e.after} />
              </Td>
              <Td className="font-mono text-slate-500">
                <span title={e.hash}>{e.hash.slice(0, 12)}…</span>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {nextBefore && (
        <p className="mt-4 text-sm">
          <Link href={`/audit?before=${nextBefore}${query}`} className="hover:underline">
            Older events →
          </Link>
        </p>
      )}
    </>
  );
}
