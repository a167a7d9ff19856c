"use client";

import { useActionState } from "react";
import { FormMessage, inputClass } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { mergeIncidentAction } from "../actions";

export function MergeForm({ incidentKey }: { incidentKey: string }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(mergeIncidentAction, {});
  return (
    <form action={action} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="font-semibold">Merge into another incident</h2>
      <p className="text-xs text-slate-500">Its evidence and sender links move there; {incidentKey} then points to it.</p>
      <input type="hidden" name="key" value={incidentKey} />
      <div className="flex gap-2">
        <input name="targetKey" required placeholder="INC-12" aria-label="Merge into incident" pattern="[Ii][Nn][Cc]-[0-9]+" className={inputClass} />
        <button type="submit" disabled={isPending} className="mt-1 rounded-md border border-slate-300 px-3 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800">
          Merge
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
