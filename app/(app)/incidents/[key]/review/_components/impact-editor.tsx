"use client";

import { Controller, useFieldArray } from "react-hook-form";
import { CitationChips } from "./citation-chips";
import { FieldError, fieldClass, isInvalid, smallButton, type AnyForm } from "./field-parts";
import { StatementsField } from "./statements-field";
import { UtcTimeInput } from "./utc-time-input";
import { severitySchema } from "@/lib/incidents/schemas";

const minutesOrNull = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

function TimeField({ form, name, label, canEdit, onChanged }: { form: AnyForm; name: string; label: string; canEdit: boolean; onChanged: () => void }) {
  return (
    <div>
      <label htmlFor={`impact-${name}`} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <UtcTimeInput
            id={`impact-${name}`}
            disabled={!canEdit}
            value={field.value as string | null}
            emptyIsNull={name !== "startedAt"}
            onChange={(value) => {
              field.onChange(value);
              onChanged();
            }}
            onBlur={field.onBlur}
            invalid={isInvalid(form, name)}
          />
        )}
      />
      <FieldError form={form} path={name} />
    </div>
  );
}

function MinutesField({ form, name, label, canEdit }: { form: AnyForm; name: string; label: string; canEdit: boolean }) {
  return (
    <div>
      <label htmlFor={`impact-${name}`} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      <input id={`impact-${name}`} type="number" min={0} step={1} disabled={!canEdit} aria-invalid={isInvalid(form, name)} className={fieldClass} {...form.register(name, { setValueAs: minutesOrNull })} />
      <FieldError form={form} path={name} />
    </div>
  );
}

/** Impact: times (UTC), durations, severity, services and the figures read from metrics, with their evidence. */
export function ImpactEditor({ form, canEdit }: { form: AnyForm; canEdit: boolean }) {
  const figures = useFieldArray({ control: form.control, name: "figures" });
  // Duration follows the times unless the person types one.
  const syncDuration = () => {
    const start = Date.parse(form.getValues("startedAt") as string);
    const end = Date.parse((form.getValues("endedAt") as string | null) ?? "");
    if (Number.isFinite(start) && Number.isFinite(end) && end >= start) form.setValue("durationMinutes", Math.round((end - start) / 60_000), { shouldDirty: true });
  };
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <TimeField form={form} name="startedAt" label="Started (UTC)" canEdit={canEdit} onChanged={syncDuration} />
        <TimeField form={form} name="endedAt" label="Ended (UTC; empty while ongoing)" canEdit={canEdit} onChanged={syncDuration} />
        <MinutesField form={form} name="durationMinutes" label="Duration (minutes)" canEdit={canEdit} />
        <MinutesField form={form} name="timeToAcknowledgeMinutes" label="Time to acknowledge (minutes)" canEdit={canEdit} />
        <MinutesField form={form} name="timeToResolveMinutes" label="Time to resolve (minutes)" canEdit={canEdit} />
        <div>
          <label htmlFor="impact-severity" className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Severity
          </label>
          <select id="impact-severity" disabled={!canEdit} className={fieldClass} {...form.register("severity")}>
            {severitySchema.options.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="impact-services" className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Affected services (comma-separated)
          </label>
          <Controller
            control={form.control}
            name="services"
            render={({ field }) => (
              <input
                id="impact-services"
                disabled={!canEdit}
                defaultValue={((field.value as string[]) ?? []).join(", ")}
                onChange={(e) => field.onChange(e.target.value.split(",").map((s) => s.trim()).filter(Boolean))}
                onBlur={field.onBlur}
                aria-invalid={isInvalid(form, "services")}
                className={fieldClass}
              />
            )}
          />
          <FieldError form={form} path="services" />
        </div>
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">Figures from metrics</h3>
        {figures.fields.length === 0 && <p className="text-sm text-slate-500">No metric figures: upload a metrics series as evidence to measure the impact.</p>}
        <ul className="space-y-2">
          {figures.fields.map((field, index) => {
            const base = `figures.${index}`;
            const figure = field as unknown as { series: string; window: { from: string; to: string } };
            return (
              <li key={field.id} className="grid gap-2 rounded-lg border border-slate-100 p-2 sm:grid-cols-[1fr_8rem_6rem_auto] dark:border-slate-800">
                <div>
                  <input aria-label={`Figure ${index + 1} label`} disabled={!canEdit} aria-invalid={isInvalid(form, `${base}.label`)} className={fieldClass} {...form.register(`${base}.label`)} />
                  <FieldError form={form} path={`${base}.label`} />
                </div>
                <div>
                  <input aria-label={`Figure ${index + 1} value`} type="number" step="any" disabled={!canEdit} aria-invalid={isInvalid(form, `${base}.value`)} className={fieldClass} {...form.register(`${base}.value`, { valueAsNumber: true })} />
                  <FieldError form={form} path={`${base}.value`} />
                </div>
                <input aria-label={`Figure ${index + 1} unit`} disabled={!canEdit} className={fieldClass} {...form.register(`${base}.unit`, { setValueAs: (v: string | null) => (v ? v : null) })} />
                {canEdit ? (
                  <button type="button" className={smallButton} onClick={() => figures.remove(index)} aria-label={`Remove figure ${index + 1}`}>
                    Remove
                  </button>
                ) : (
                  <span />
                )}
                <p className="text-xs text-slate-500 sm:col-span-4">
                  {figure.series} · {figure.window.from.slice(11, 16)}–{figure.window.to.slice(11, 16)} UTC{" "}
                  <Controller control={form.control} name={`${base}.citations`} render={({ field: c }) => <CitationChips ids={(c.value as string[]) ?? []} label={`figure ${index + 1}`} />} />
                </p>
              </li>
            );
          })}
        </ul>
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">Impact statements</h3>
        <StatementsField form={form} path="statements" label="Impact statement" canEdit={canEdit} />
      </div>
    </div>
  );
}
