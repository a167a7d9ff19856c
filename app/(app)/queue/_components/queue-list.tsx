"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { fetchJson } from "@/components/api/fetch-json";
import { useServerSeed } from "@/components/api/use-server-seed";
import { SeverityBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import type { ReviewQueueItem } from "@/lib/reviews/list-review-queue";

const SECTION_LABEL: Record<string, string> = { summary: "summary", timeline: "timeline", impact: "impact", rootCause: "root cause", remediation: "remediation", actionItems: "action items", status: "status", currentImpact: "current impact", latestDevelopment: "latest development", nextUpdateAt: "next update" };

function age(from: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(from)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1440)} days`;
}

const reviewHref = (item: ReviewQueueItem) => `/incidents/${item.incident.key}/review${item.kind === "status_update" ? "?kind=status_update" : ""}`;

/** The queue, live: polled every few seconds from PostgreSQL (so it is the same on every app instance), with j/k/Enter to move and open. */
export function QueueList({ initial, filter }: { initial: ReviewQueueItem[]; filter: Record<string, string> }) {
  const params = new URLSearchParams(filter).toString();
  useServerSeed(["queue", params], initial);
  const { data } = useQuery({
    queryKey: ["queue", params],
    queryFn: ({ signal }) => fetchJson<{ items: ReviewQueueItem[] }>(`/api/queue?${params}`, { signal }).then((r) => r.items),
    initialData: initial,
    refetchInterval: 5000,
  });
  const router = useRouter();
  const [selected, setSelected] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (event.metaKey || event.ctrlKey || event.altKey || data.length === 0) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        const next = Math.min(data.length - 1, Math.max(0, selected + (event.key === "j" ? 1 : -1)));
        setSelected(next);
        links.current[next]?.focus();
      } else if (event.key === "Enter" && target === document.body) {
        const item = data[selected];
        if (item) router.push(reviewHref(item));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [data, router, selected]);

  if (data.length === 0) return <EmptyState title="Nothing waiting for review">New drafts appear here as incidents come in.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" data-testid="queue">
      {data.map((item, index) => (
        <li key={item.id} className={`flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 ${index === selected ? "bg-sky-50 ring-2 ring-inset ring-sky-400 dark:bg-sky-950/40" : ""}`} data-selected={index === selected}>
          <SeverityBadge severity={item.incident.severity} />
          <Link ref={(el) => void (links.current[index] = el)} href={reviewHref(item)} onFocus={() => setSelected(index)} className="font-medium hover:underline focus:outline-none">
            <span className="font-mono text-slate-500">{item.incident.key}</span> {item.incident.title}
          </Link>
          <span className="text-sm text-slate-500">
            {item.kind === "report" ? "Report" : "Status update"} r{item.number} · {item.state.replace("_", " ")} · {item.proposedBy ? `proposed by agent ${item.proposedBy} (machine text)` : item.lastEditedBy ? `last edited by ${item.lastEditedBy}` : `${item.authorType} draft`}
          </span>
          <span className="ml-auto text-sm tabular-nums text-slate-600 dark:text-slate-400" title={item.createdAt}>
            waiting {age(item.createdAt, now)}
          </span>
          <div className="flex w-full flex-wrap gap-2 text-xs">
            {item.seen === null ? (
              <span className="rounded bg-sky-100 px-1.5 py-0.5 font-medium text-sky-900 dark:bg-sky-950 dark:text-sky-200">new to you</span>
            ) : item.seen.changedSections.length > 0 ? (
              <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">changed since you looked: {item.seen.changedSections.map((s) => SECTION_LABEL[s] ?? s).join(", ")}</span>
            ) : (
              <span className="text-slate-500">no change since you looked</span>
            )}
            {item.editors.map((e) => (
              <span key={e.name} className="rounded bg-emerald-100 px-1.5 py-0.5 font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
                {e.name} {e.section ? `editing ${SECTION_LABEL[e.section] ?? e.section}` : "is reviewing"} now
              </span>
            ))}
            {item.reviewNote && <span className="text-amber-800 dark:text-amber-300">changes requested</span>}
            <span className="capitalize text-slate-500">{item.incident.category}</span>
            {item.incident.tags.map((t) => (
              <span key={t} className="text-slate-500">
                #{t}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
