"use client";

import { useId } from "react";
import { Controller, useFieldArray } from "react-hook-form";
import { CitationChips } from "./citation-chips";
import { FieldError, fieldClass, isInvalid, smallButton, type AnyForm } from "./field-parts";

/** An editable list of cited statements: text, its evidence chips, reorder and remove; an empty list says so. */
export function StatementsField({ form, path, label, canEdit, addLabel = "Add a statement" }: { form: AnyForm; path: string; label: string; canEdit: boolean; addLabel?: string }) {
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: path });
  const idPrefix = useId();
  return (
    <div className="space-y-2">
      {fields.length === 0 && <p className="text-sm text-slate-500">Nothing here yet.</p>}
      <ol className="space-y-2">
        {fields.map((field, index) => {
          const textPath = `${path}.${index}.text`;
          const id = `${idPrefix}-${index}`;
          return (
            <li key={field.id} className="rounded-lg border border-slate-100 p-2 dark:border-slate-800">
              <label htmlFor={id} className="sr-only">
                {label} {index + 1}
              </label>
              <textarea id={id} rows={2} disabled={!canEdit} aria-invalid={isInvalid(form, textPath)} className={fieldClass} {...form.register(textPath)} />
              <FieldError form={form} path={textPath} />
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <Controller
                  control={form.control}
                  name={`${path}.${index}.citations`}
                  render={({ field: citations }) => <CitationChips ids={(citations.value as string[]) ?? []} onChange={canEdit ? citations.onChange : undefined} label={`${label} ${index + 1}`} />}
                />
                {canEdit && (
                  <span className="ml-auto flex gap-1">
                    <button type="button" className={smallButton} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move ${label} ${index + 1} up`}>
                      ↑
                    </button>
                    <button type="button" className={smallButton} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={`Move ${label} ${index + 1} down`}>
                      ↓
                    </button>
                    <button type="button" className={smallButton} onClick={() => remove(index)} aria-label={`Remove ${label} ${index + 1}`}>
                      Remove
                    </button>
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <button type="button" className={smallButton} onClick={() => append({ text: "", citations: [] })}>
          {addLabel}
        </button>
      )}
    </div>
  );
}
