"use client";

import { useActionState } from "react";
import { FormField, FormMessage, inputClass } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { deleteDistributionListAction, saveDistributionListAction } from "../actions";
import { categorySchema, severitySchema } from "@/lib/incidents/schemas";

const SEVERITIES = severitySchema.options;
const CATEGORIES = categorySchema.options;
type List = { id: string; name: string; recipients: string[]; severities: string[]; categories: string[]; tags: string[] };

/** Create or edit a list: its addresses (each checked now) and the rules that pick its incidents; an empty rule means any. */
export function ListForm({ list }: { list?: List }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(saveDistributionListAction, {});
  const [deleteState, remove, isDeleting] = useActionState<ActionState, FormData>(deleteDistributionListAction, {});
  const v = state.values;
  const checked = (name: "severities" | "categories", value: string) => (v ? false : (list?.[name] ?? []).includes(value));
  const prefix = list?.id ?? "new";
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid={`list-${list?.name ?? "new"}`}>
      <form action={action} className="grid gap-3 sm:grid-cols-2">
        <h2 className="font-semibold sm:col-span-2">{list ? list.name : "New distribution list"}</h2>
        {list && <input type="hidden" name="id" value={list.id} />}
        <FormField label="Name" error={state.fieldErrors?.name}>
          <input name="name" required defaultValue={v?.name ?? list?.name} className={inputClass} />
        </FormField>
        <FormField label="Tags (comma-separated; any one matches)" error={state.fieldErrors?.tags}>
          <input name="tags" defaultValue={v?.tags ?? list?.tags.join(", ")} className={inputClass} />
        </FormField>
        <FormField label="Recipients (one address per line)" error={state.fieldErrors?.recipients}>
          <textarea name="recipients" rows={4} required defaultValue={v?.recipients ?? list?.recipients.join("\n")} className={`${inputClass} font-mono`} />
        </FormField>
        <div className="space-y-3 text-sm">
          <fieldset>
            <legend className="font-medium">Severities (none: any)</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {SEVERITIES.map((s) => (
                <label key={s} className="flex items-center gap-1">
                  <input type="checkbox" name="severities" value={s} defaultChecked={checked("severities", s)} aria-label={`${s} (${list?.name ?? "new list"})`} /> {s}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="font-medium">Categories (none: any)</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {CATEGORIES.map((c) => (
                <label key={c} className="flex items-center gap-1 capitalize">
                  <input type="checkbox" name="categories" value={c} defaultChecked={checked("categories", c)} /> {c}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900">
            {isPending ? "Saving…" : list ? "Save list" : "Create list"}
          </button>
          {state.ok && (
            <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              Saved {(state.data as { name: string }).name}.
            </span>
          )}
          <FormMessage state={state} />
        </div>
      </form>
      {list && (
        <form action={remove} className="mt-3 border-t border-slate-100 pt-3 dark:border-slate-800" id={`delete-${prefix}`}>
          <input type="hidden" name="id" value={list.id} />
          <button type="submit" disabled={isDeleting} className="text-sm text-red-700 hover:underline dark:text-red-400">
            Delete this list
          </button>
          <FormMessage state={deleteState} />
        </form>
      )}
    </div>
  );
}
