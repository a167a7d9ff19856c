import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareForm } from "@/components/history/compare-form";
import { HistoryThread } from "@/components/history/history-thread";
import { RevisionDiffView } from "@/components/history/revision-diff-view";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { isAppError } from "@/lib/errors";
import { defaultPair } from "@/lib/history/compare-revisions";
import { getIncidentHistory } from "@/lib/history/get-incident-history";

export async function generateMetadata({ params }: PageProps<"/incidents/[key]/history">): Promise<Metadata> {
  return { title: `History ${(await params).key}` };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const buttonClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

export default async function IncidentHistoryPage({ params, searchParams }: PageProps<"/incidents/[key]/history">) {
  const ctx = await requirePageCtx("drafts.read");
  const { key } = await params;
  const query = await searchParams;
  const compare = { kind: one(query.kind), from: one(query.from), to: one(query.to) };
  const history = await getIncidentHistory(ctx, { key, compare }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { incident, revisions, thread, comparison } = history;
  const kind = compare.kind === "status_update" ? "status_update" : "report";
  const pair = comparison?.ok ? { from: comparison.diff.from, to: comparison.diff.to } : defaultPair(revisions, kind);
  const exportUrl = (format: "json" | "html") => `/api/incidents/${incident.key}/history/export?format=${format}`;
  return (
    <article>
      <header className="mb-6">
        <p className="font-mono text-sm text-slate-500">
          <Link href={`/incidents/${incident.key}`} className="hover:underline">
            {incident.key}
          </Link>{" "}
          · history
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{incident.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          {incident.mergedInto && (
            <span className="text-xs text-slate-500">
              merged into{" "}
              <Link href={`/incidents/${incident.mergedInto}/history`} className="underline">
                {incident.mergedInto}
              </Link>
            </span>
          )}
          <nav aria-label="Evidence pack" className="ml-auto flex flex-wrap gap-2">
            <a href={exportUrl("json")} className={buttonClass} download>
              Download evidence pack (JSON)
            </a>
            <a href={exportUrl("html")} className={buttonClass} download>
              Download evidence pack (HTML)
            </a>
          </nav>
        </div>
      </header>

      <section aria-labelledby="compare-heading" className="mb-8 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="compare-heading" className="mb-3 text-lg font-semibold">
          Compare revisions
        </h2>
        {revisions.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No revision has been drafted yet.</p>
        ) : (
          <>
            <CompareForm revisions={revisions} current={{ kind: comparison?.ok ? comparison.diff.kind : kind, from: pair?.from ?? null, to: pair?.to ?? null }} />
            <div className="mt-4">
              {comparison?.ok && <RevisionDiffView diff={comparison.diff} />}
              {comparison && !comparison.ok && (
                <p role="alert" className="text-sm text-amber-700 dark:text-amber-300">
                  {comparison.problem}
                </p>
              )}
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading" className="text-lg font-semibold">
          What happened
        </h2>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">Oldest first, times in UTC. Every revision, edit, review, approval (voided ones marked), email and change to the incident.</p>
        {thread.length === 0 ? <EmptyState title="Nothing has happened yet" /> : <HistoryThread items={thread} />}
      </section>
    </article>
  );
}
