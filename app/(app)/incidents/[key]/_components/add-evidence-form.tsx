"use client";

import { useActionState, useState } from "react";
import { FormMessage, inputClass } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { addEvidenceAction } from "../actions";

const FORMATS = [
  { value: "note", label: "Note" },
  { value: "chat_lines", label: "Chat lines (pasted)" },
  { value: "slack_export", label: "Slack export (.zip or day .json)" },
  { value: "metrics_csv", label: "Metrics CSV (timestamp,series,value)" },
  { value: "prometheus", label: "Prometheus range-query JSON" },
  { value: "change", label: "Deploy / change" },
] as const;

type Format = (typeof FORMATS)[number]["value"];

export function AddEvidenceForm({ incidentKey }: { incidentKey: string }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(addEvidenceAction, {});
  const [format, setFormat] = useState<Format>("note");
  const result = state.ok ? (state.data as { added: number; duplicates: number }) : null;
  const takesFile = format === "slack_export" || format === "metrics_csv" || format === "prometheus" || format === "chat_lines";
  return (
    <form action={action} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="font-semibold">Add evidence</h2>
      <input type="hidden" name="key" value={incidentKey} />
      <select name="format" aria-label="Evidence format" value={format} onChange={(e) => setFormat(e.target.value as Format)} className={inputClass}>
        {FORMATS.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      {format === "slack_export" && <input name="channel" placeholder="Channel name (optional)" aria-label="Channel" className={inputClass} />}
      {format === "change" && (
        <>
          <input name="at" type="datetime-local" step="1" required aria-label="When (UTC)" className={inputClass} />
          <input name="service" placeholder="Service (e.g. payments-service)" aria-label="Service" className={inputClass} />
          <input name="url" type="url" placeholder="Link (deploy run, PR)" aria-label="Link" className={inputClass} />
        </>
      )}
      {takesFile && <input name="file" type="file" aria-label="File" className="block w-full text-xs" />}
      {format !== "slack_export" && (
        <textarea
          name="text"
          rows={format === "note" || format === "change" ? 3 : 5}
          aria-label={format === "note" ? "Note" : format === "change" ? "What changed" : "Or paste it here"}
          placeholder={format === "note" ? "What happened, what you did…" : format === "change" ? "payments-service v2.31.0 deployed" : "…or paste it here"}
          className={`${inputClass} font-mono`}
        />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={isPending} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900">
          {isPending ? "Adding…" : "Add"}
        </button>
        {result && (
          <span role="status" className="text-emerald-700 dark:text-emerald-400">
            Added {result.added}
            {result.duplicates > 0 && `, ${result.duplicates} already there`}.
          </span>
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
