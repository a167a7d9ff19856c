"use client";

import { useActionState } from "react";
import { FormMessage, inputClass } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { splitIncidentAction } from "../actions";
import { SPLIT_FORM_ID } from "./split-form-id";

/** The timeline's checkboxes belong to this form through their `form` attribute. */
export function SplitForm({ incidentKey }: { incidentKey: string }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(splitIncidentAction, {});
  return (
    <form id={SPLIT_FORM_ID} action={action} className="mt-4 space-y-2 rounded-xl border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
      <input type="hidden" name="key" value={incidentKey} />
      <p className="text-xs text-slate-500">Evidence that belongs to a different problem? Tick it above and split it into a new incident.</p>
      <div className="flex flex-wrap gap-2">
        <input name="title" required placeholder="Title of the new incident" aria-label="New incident title" className={`${inputClass} max-w-sm`} />
        <button type="submit" disabled={isPending} className="mt-1 rounded-md border border-slate-300 px-3 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800">
          Split selected
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
