"use client";

import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { smallButton, type AnyForm } from "./field-parts";
import type { Item } from "./timeline-row";
import { TimelineRows } from "./timeline-rows";

/** The report's timeline: edit, hide, add, sort by time, and merge duplicates (their evidence kept together). */
export function TimelineEditor({ form, canEdit }: { form: AnyForm; canEdit: boolean }) {
  const { fields, append, remove, replace } = useFieldArray({
    control: form.control,
    name: "items",
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const items = () => (form.getValues("items") as Item[]) ?? [];
  const sortByTime = () => replace([...items()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)));
  const mergeSelected = () => {
    const all = items();
    const picked = fields.map((f, i) => (selected.has(f.id) ? i : -1)).filter((i) => i >= 0);
    if (picked.length < 2) return;
    const chosen = picked.map((i) => all[i]!).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const first = chosen[0]!;
    const merged: Item = {
      ...first,
      citations: [...new Set(chosen.flatMap((c) => c.citations))],
    };
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
      <TimelineRows form={form} fields={fields} canEdit={canEdit} selected={selected} setSelected={setSelected} remove={remove} />
    </div>
  );
}
