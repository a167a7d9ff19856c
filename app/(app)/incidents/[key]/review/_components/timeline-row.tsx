"use client";

import type { CSSProperties, Ref } from "react";
import { Controller } from "react-hook-form";
import type { TimelineItem } from "@/lib/drafting/types";
import { CitationChips } from "./citation-chips";
import { FieldError, fieldClass, isInvalid, smallButton, type AnyForm } from "./field-parts";
import { UtcTimeInput } from "./utc-time-input";

export type Item = TimelineItem & { hidden?: boolean };

type RowProps = {
  form: AnyForm;
  field: { id: string };
  index: number;
  count: number;
  canEdit: boolean;
  selected: Set<string>;
  setSelected: (update: (s: Set<string>) => Set<string>) => void;
  remove: (index: number) => void;
  rowRef?: Ref<HTMLLIElement>;
  style?: CSSProperties;
};

/** One entry of the report's timeline: time, text, citations, hide, remove, and a box to pick it for a merge. */
export function TimelineRow({ form, field, index, count, canEdit, selected, setSelected, remove, rowRef, style }: RowProps) {
  const base = `items.${index}`;
  const hidden = Boolean(form.watch(`${base}.hidden`));
  return (
    <li
      ref={rowRef}
      data-index={index}
      style={style}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={`grid gap-2 rounded-lg border border-slate-100 p-2 sm:grid-cols-[auto_10.5rem_1fr] dark:border-slate-800 ${hidden ? "opacity-60" : ""}`}
    >
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
            <UtcTimeInput
              label={`Time of entry ${index + 1} (UTC)`}
              disabled={!canEdit}
              value={at.value as string}
              onChange={at.onChange}
              onBlur={at.onBlur}
              invalid={isInvalid(form, `${base}.at`)}
            />
          )}
        />
        <FieldError form={form} path={`${base}.at`} />
      </div>
      <div>
        <input
          aria-label={`Text of entry ${index + 1}`}
          disabled={!canEdit}
          aria-invalid={isInvalid(form, `${base}.text`)}
          className={fieldClass}
          {...form.register(`${base}.text`)}
        />
        <FieldError form={form} path={`${base}.text`} />
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
          <Controller
            control={form.control}
            name={`${base}.citations`}
            render={({ field: c }) => <CitationChips ids={(c.value as string[]) ?? []} onChange={canEdit ? c.onChange : undefined} label={`entry ${index + 1}`} />}
          />
          {(field as unknown as Item).folded && <span className="text-slate-500">{(field as unknown as Item).folded!.count} folded into this line</span>}
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
}
