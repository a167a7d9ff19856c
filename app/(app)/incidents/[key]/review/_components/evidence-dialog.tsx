"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { fetchJson } from "@/components/api/fetch-json";
import type { ReviewEvidence } from "@/lib/reviews/review-evidence";
import { useEvidence } from "./evidence-context";
import { MetricChart } from "./metric-chart";

/** One piece of evidence behind a citation: its words, where it came from, the stored webhook payload or the metric series plotted. */
export function EvidenceDialog({ evidence, onClose }: { evidence: ReviewEvidence | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (evidence && !dialog.open) dialog.showModal();
    if (!evidence && dialog.open) dialog.close();
  }, [evidence]);
  const raw = useQuery({
    queryKey: ["raw-event", evidence?.rawEventId],
    queryFn: ({ signal }) => fetchJson<{ body: string; sender: string; receivedAt: string }>(`/api/raw-events/${evidence!.rawEventId}`, { signal }),
    enabled: Boolean(evidence?.rawEventId),
    staleTime: Infinity,
  });
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="evidence-title" className="m-auto w-[min(44rem,94vw)] rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      {evidence && (
        <div className="space-y-3 p-5">
          <div className="flex items-start justify-between gap-4">
            <h2 id="evidence-title" className="text-base font-semibold">
              Evidence [{evidence.n}] · {evidence.kind.replace("_", " ")}
            </h2>
            <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700" autoFocus>
              Close
            </button>
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {evidence.at.slice(0, 19).replace("T", " ")} UTC · {evidence.source}
            {evidence.author ? ` · ${evidence.author}` : ""}
            {evidence.chat?.author ? ` · ${evidence.chat.author}` : ""}
            {evidence.hidden ? " · hidden from the draft" : ""}
          </p>
          <p className="whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800">{evidence.text}</p>
          {evidence.series && <MetricChart series={evidence.series} />}
          {evidence.rawEventId && (
            <div className="text-sm">
              <p className="mb-1 font-medium">
                Stored webhook payload{" "}
                <Link href={`/raw-events/${evidence.rawEventId}`} className="font-normal text-sky-700 underline dark:text-sky-300" target="_blank">
                  open in full
                </Link>
              </p>
              {raw.isPending && <p className="text-slate-500">Loading the stored delivery…</p>}
              {raw.error && <p className="text-red-700">{raw.error.message}</p>}
              {raw.data && <pre className="max-h-72 overflow-auto rounded-lg bg-slate-950 p-3 text-xs text-slate-100">{prettyJson(raw.data.body)}</pre>}
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}

function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The dialog for the evidence a chip opened, looked up among what the page has (sent or found by a search). */
export function EvidenceDialogFor({ id, onClose }: { id: string | null; onClose: () => void }) {
  const evidence = useEvidence();
  return <EvidenceDialog evidence={id ? (evidence.byId.get(id) ?? null) : null} onClose={onClose} />;
}
