"use client";

import { useActionState, useState } from "react";
import { FieldErrorList, FormMessage, inputClass } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { classifyIncidentAction } from "../actions";

const CATEGORIES = ["outage", "degradation", "security", "safety", "other"];

/** Category and tags, which distribution rules, filters, insights and exports read; tags in use are offered. */
export function ClassifyForm({ incidentKey, category, tags, suggestions }: { incidentKey: string; category: string; tags: string[]; suggestions: string[] }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(classifyIncidentAction, {});
  const [value, setValue] = useState(state.values?.tags ?? tags.join(", "));
  const current = new Set(value.split(/[\s,]+/).filter(Boolean).map((t) => t.toLowerCase()));
  const offered = suggestions.filter((s) => !current.has(s)).slice(0, 12);
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer font-semibold">Category and tags</summary>
      <form action={action} aria-label="Category and tags" className="mt-3 space-y-2">
        <input type="hidden" name="key" value={incidentKey} />
        <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          Category
          <select name="category" defaultValue={state.values?.category ?? category} className={`${inputClass} mt-1 capitalize`}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          Tags (comma or space separated)
          <input name="tags" value={value} onChange={(e) => setValue(e.target.value)} className={`${inputClass} mt-1 font-mono`} />
        </label>
        {offered.length > 0 && (
          <div className="flex flex-wrap gap-1" aria-label="Tags in use">
            {offered.map((s) => (
              <button key={s} type="button" onClick={() => setValue((v) => [v.trim().replace(/,$/, ""), s].filter(Boolean).join(", "))} className="rounded-full border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                + {s}
              </button>
            ))}
          </div>
        )}
        <button type="submit" disabled={isPending} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Save
        </button>
        {state.ok && <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">Saved.</p>}
        <FieldErrorList fieldErrors={state.fieldErrors} />
        <FormMessage state={state} />
      </form>
    </details>
  );
}
