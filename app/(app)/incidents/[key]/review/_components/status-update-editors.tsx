"use client";

import { Controller } from "react-hook-form";
import { FieldError, fieldClass, type AnyForm } from "./field-parts";
import { StatementsField } from "./statements-field";
import { UtcTimeInput } from "./utc-time-input";
import { statusSchema } from "@/lib/incidents/schemas";


/** A status update's "status" section: the state stakeholders are told, and the sentence that says it. */
export function StatusEditor({ form, canEdit }: { form: AnyForm; canEdit: boolean }) {
  return (
    <div className="space-y-2">
      <label htmlFor="status-value" className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Status told to stakeholders
      </label>
      <select id="status-value" disabled={!canEdit} className={fieldClass} {...form.register("value")}>
        {statusSchema.options.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <StatementsField form={form} path="statements" label="Status statement" canEdit={canEdit} />
    </div>
  );
}

/** The next update's time lives in a one-field form. */
export const NEXT_UPDATE_ADAPTER = {
  toForm: (content: unknown) => ({ value: (content as string | null) ?? null }),
  fromForm: (values: { value: string | null }) => values.value ?? null,
};

export function NextUpdateEditor({ form, canEdit }: { form: AnyForm; canEdit: boolean }) {
  return (
    <div>
      <label htmlFor="next-update" className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Next update by (UTC; empty when none is planned)
      </label>
      <Controller
        control={form.control}
        name="value"
        render={({ field }) => (
          <UtcTimeInput id="next-update" disabled={!canEdit} value={field.value as string | null} emptyIsNull onChange={field.onChange} onBlur={field.onBlur} />
        )}
      />
      <FieldError form={form} path="value" />
    </div>
  );
}
