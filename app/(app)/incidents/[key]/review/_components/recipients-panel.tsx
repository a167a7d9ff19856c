"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/api/fetch-json";
import { useReviewCache, type ReviewKind } from "./use-review-query";

const area = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-950";

/** Addresses added to this incident's emails, or left out, beyond the distribution lists (commanders; audited). */
export function RecipientsPanel({ incidentKey, kind, extra, excluded }: { incidentKey: string; kind: ReviewKind; extra: string[]; excluded: string[] }) {
  const cache = useReviewCache(incidentKey, kind);
  const [extraText, setExtraText] = useState(extra.join("\n"));
  const [excludedText, setExcludedText] = useState(excluded.join("\n"));
  const save = useMutation({
    mutationFn: () => fetchJson(`/api/incidents/${incidentKey}/recipients`, { method: "PUT", body: { extraRecipients: extraText, excludedRecipients: excludedText } }),
    onSuccess: () => cache.client.invalidateQueries({ queryKey: ["email-preview"] }),
  });
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer font-semibold">
        Recipients for this incident {extra.length + excluded.length > 0 && <span className="font-normal text-slate-500">(+{extra.length} / −{excluded.length})</span>}
      </summary>
      <form
        className="mt-3 space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <label htmlFor="extra-recipients" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Also send to (one address per line)
        </label>
        <textarea id="extra-recipients" rows={2} value={extraText} onChange={(e) => setExtraText(e.target.value)} className={area} />
        <label htmlFor="excluded-recipients" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Leave out (even when a list names them)
        </label>
        <textarea id="excluded-recipients" rows={2} value={excludedText} onChange={(e) => setExcludedText(e.target.value)} className={area} />
        <button type="submit" disabled={save.isPending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Save recipients
        </button>
        {save.isSuccess && <span className="ml-2 text-xs text-emerald-700">Saved; the preview shows the new addresses.</span>}
        {save.error && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400">
            {save.error.message}
          </p>
        )}
      </form>
    </details>
  );
}
