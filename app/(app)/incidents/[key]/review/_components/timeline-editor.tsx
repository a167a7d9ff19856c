"use client";

import { useState } from "react";
import { Controller, useFieldArray } from "react-hook-form";
import type { TimelineItem } from "@/lib/drafting/types";
import { CitationChips } from "./citation-chips";
import { FieldError, fieldClass, isInvalid, smallButton, type AnyForm } from "./field-parts";
import { UtcTimeInput } from "./utc-time-input";

type Item = TimelineItem & { hidden?: boolean };

/** The report's timeline: edit, hide, add, sort by time, and merge duplicates (their evidence kept together). */
export function TimelineEditor({ form, canEdit }: { form: AnyForm; canEdit: boolean }) {
  const { fields, append, remove, replace } = useFieldArray({ control: form.control, name: "items" });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const items = () => (form.getValues("items") as Item[]) ?? [];
  const sortByTime = () => replace([...items()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)));
  const mergeSelected = () => {
    const all = items();
    const picked = fields.map((f, i) => (selected.has(f.id) ? i : -1)).filter((i) => i >= 0);
    if (picked.length < 2) return;
    const chosen = picked.map((i) => all[i]!).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const first = chosen[0]!;
    const merged: Item = { ...first, citations: [...new Set(chosen.flatMap((c) => c.citations))] };
    const keep = all.filter((_, i) => !picked.includes(i));
    keep.splice(Math.min(...picked), 0, merged);
    replace(keep);
    setSelected(new Set());
  };
  const last = fields.length > 0 ? (items().at(-1)?.at ?? new Date().toISOString()) : new Date().toISOString();
  return (
    <div className="space-y-2">
      {canEdit && (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={smallButton} onClick={() => append({ at: last, kind: "note", text: "", citations: [] })}>
            Add entry
          </button>
          <button type="button" className={smallButton} onClick={sortByTime}>
            Sort by time
          </button>
          <button type="button" className={smallButton} disabled={selected.size < 2} onClick={mergeSelected}>
            Merge selected ({selected.size})
          </button>
        </div>
      )}
      <ol className="space-y-1.5" aria-label="Timeline entries">
        {fields.map((field, index) => {
          const base = `items.${index}`;
          const hidden = Boolean(form.watch(`${base}.hidden`));
          return (
            <li key={field.id} className={`grid gap-2 rounded-lg border border-slate-100 p-2 sm:grid-cols-[auto_10.5rem_1fr] dark:border-slate-800 ${hidden ? "opacity-60" : ""}`}>
              {canEdit ? (
                <input
                  type="checkbox"
                  aria-label={`Select entry ${index + 1} to merge`}
                  checked={selected.has(field.id)}
                  onChange={(e) => setSelected((s) => (e.target.checked ? new Set(s).add(field.id) : new Set([...s].filter((id) => id !== field.id))))}
                  className="mt-2"
                />
              ) : (
                <span />
              )}
              <div>
                <Controller
                  control={form.control}
                  name={`${base}.at`}
                  render={({ field: at }) => (
                    <UtcTimeInput label={`Time of entry ${index + 1} (UTC)`} disabled={!canEdit} value={at.value as string} onChange={at.onChange} onBlur={at.onBlur} invalid={isInvalid(form, `${base}.at`)} />
                  )}
                />
                <FieldError form={form} path={`${base}.at`} />
              </div>
              <div>
                <input aria-label={`Text of entry ${index + 1}`} disabled={!canEdit} aria-invalid={isInvalid(form, `${base}.text`)} className={fieldClass} {...form.register(`${base}.text`)} />
                <FieldError form={form} path={`${base}.text`} />
                <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                  <Controller control={form.control} name={`${base}.citations`} render={({ field: c }) => <CitationChips ids={(c.value as string[]) ?? []} onChange={canEdit ? c.onChange : undefined} label={`entry ${index + 1}`} />} />
                  {(field as unknown as Item).folded && <span className="text-slate-500">{(field as unknown as Item).folded!.count} repeats folded</span>}
                  {canEdit && (
                    <span className="ml-auto flex items-center gap-2">
                      <label className="flex items-center gap-1">
                        <input type="checkbox" {...form.register(`${base}.hidden`)} /> Hide from the report
                      </label>
                      <button type="button" className={smallButton} onClick={() => remove(index)} aria-label={`Remove entry ${index + 1}`}>
                        Remove
                      </button>
                    </span>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
