"use client";

import { Controller, useFieldArray } from "react-hook-form";
import { ACTION_ITEM_STATUSES } from "@/lib/drafting/section-schemas";
import { CitationChips } from "./citation-chips";
import { FieldError, fieldClass, isInvalid, smallButton, type AnyForm } from "./field-parts";

type User = { id: string; name: string; email: string };
const STATUS_LABEL: Record<string, string> = { open: "Open", in_progress: "In progress", done: "Done", cancelled: "Cancelled" };

/** Follow-up action items: a title, an owner from Sitrep's users, a due date and a status. */
export function ActionItemsEditor({ form, canEdit, users }: { form: AnyForm; canEdit: boolean; users: User[] }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "items" });
  return (
    <div className="space-y-2">
      {fields.length === 0 && <p className="text-sm text-slate-500">No action items yet.</p>}
      <ol className="space-y-2">
        {fields.map((field, index) => {
          const base = `items.${index}`;
          return (
            <li key={field.id} className="grid gap-2 rounded-lg border border-slate-100 p-2 sm:grid-cols-2 lg:grid-cols-[1fr_10rem_9rem_8rem] dark:border-slate-800">
              <div className="sm:col-span-2 lg:col-span-1">
                <input aria-label={`Action item ${index + 1} title`} disabled={!canEdit} aria-invalid={isInvalid(form, `${base}.title`)} className={fieldClass} {...form.register(`${base}.title`)} />
                <FieldError form={form} path={`${base}.title`} />
              </div>
              <Controller
                control={form.control}
                name={`${base}.ownerId`}
                render={({ field: owner }) => (
                  <select
                    aria-label={`Owner of action item ${index + 1}`}
                    disabled={!canEdit}
                    value={(owner.value as string | null) ?? ""}
                    onChange={(e) => {
                      const user = users.find((u) => u.id === e.target.value);
                      owner.onChange(user?.id ?? null);
                      form.setValue(`${base}.owner`, user?.name ?? null, { shouldDirty: true });
                    }}
                    className={fieldClass}
                  >
                    <option value="">{(form.getValues(`${base}.owner`) as string | null) && !owner.value ? `${form.getValues(`${base}.owner`)} (not a user)` : "Unassigned"}</option>
                    {users.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                )}
              />
              <div>
                <input
                  type="date"
                  aria-label={`Due date of action item ${index + 1}`}
                  disabled={!canEdit}
                  aria-invalid={isInvalid(form, `${base}.dueAt`)}
                  className={fieldClass}
                  {...form.register(`${base}.dueAt`, { setValueAs: (v: string | null) => (v ? v : null) })}
                />
                <FieldError form={form} path={`${base}.dueAt`} />
                {(form.getValues(`${base}.dueSuggestion`) as string | null) && !form.watch(`${base}.dueAt`) && <p className="mt-0.5 text-xs text-slate-500">Suggested: {form.getValues(`${base}.dueSuggestion`) as string}</p>}
              </div>
              <select aria-label={`Status of action item ${index + 1}`} disabled={!canEdit} className={fieldClass} {...form.register(`${base}.status`)}>
                {ACTION_ITEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
              <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
                <Controller control={form.control} name={`${base}.citations`} render={({ field: c }) => <CitationChips ids={(c.value as string[]) ?? []} onChange={canEdit ? c.onChange : undefined} label={`action item ${index + 1}`} />} />
                {canEdit && (
                  <button type="button" className={`${smallButton} ml-auto`} onClick={() => remove(index)} aria-label={`Remove action item ${index + 1}`}>
                    Remove
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <button type="button" className={smallButton} onClick={() => append({ title: "", owner: null, ownerId: null, dueSuggestion: null, dueAt: null, status: "open", citations: [] })}>
          Add action item
        </button>
      )}
    </div>
  );
}
