import type { Metadata } from "next";
import Link from "next/link";
import { SeverityBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listReviewQueue } from "@/lib/reports/list-review-queue";

export const metadata: Metadata = { title: "Review queue" };

export default async function QueuePage() {
  const ctx = await requirePageCtx("drafts.read");
  const queue = await listReviewQueue(ctx);
  return (
    <>
      <PageHeader title="Review queue" description="Drafts waiting for a human, most severe and oldest first. Nothing is sent until a commander approves it." />
      {queue.length === 0 ? (
        <EmptyState title="Nothing waiting for review">New drafts appear here as incidents come in.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {queue.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <SeverityBadge severity={item.incident.severity} />
              <Link href={`/incidents/${item.incident.key}`} className="font-medium hover:underline">
                <span className="font-mono text-slate-500">{item.incident.key}</span> {item.incident.title}
              </Link>
              <span className="text-sm text-slate-500">
                {item.kind === "report" ? "Report" : "Status update"} r{item.number} · {item.state.replace("_", " ")} · {item.authorType} draft
              </span>
              <span className="ml-auto text-sm text-slate-500">
                since <Time value={item.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
