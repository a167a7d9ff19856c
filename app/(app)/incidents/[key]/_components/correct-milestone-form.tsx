"use client";

import { useActionState } from "react";
import { FormMessage, inputClass } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { correctMilestoneAction } from "../actions";

/** A commander corrects a milestone the timeline got wrong; insights use the correction, the audit log keeps both. */
export function CorrectMilestoneForm({ incidentKey }: { incidentKey: string }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(correctMilestoneAction, {});
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer font-semibold">Correct a milestone</summary>
      <form action={action} className="mt-3 space-y-2">
        <input type="hidden" name="key" value={incidentKey} />
        <select name="milestone" aria-label="Milestone" defaultValue={state.values?.milestone ?? "acknowledgedAt"} className={inputClass}>
          <option value="startedAt">Started</option>
          <option value="acknowledgedAt">Acknowledged</option>
          <option value="resolvedAt">Resolved</option>
        </select>
        <input name="at" aria-label="True time (UTC, YYYY-MM-DD HH:MM; empty to use the timeline again)" placeholder="YYYY-MM-DD HH:MM (UTC)" defaultValue={state.values?.at} className={`${inputClass} font-mono`} />
        <input name="reason" aria-label="Why" placeholder="Why (kept in the audit log)" required defaultValue={state.values?.reason} className={inputClass} />
        <button type="submit" disabled={isPending} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Save correction
        </button>
        {state.ok && <p role="status" className="text-xs text-emerald-700">Saved; insights use the corrected time.</p>}
        {state.fieldErrors && Object.values(state.fieldErrors).flat().map((m) => <p key={m} className="text-xs text-red-700">{m}</p>)}
        <FormMessage state={state} />
      </form>
    </details>
  );
}
