"use client";

import { get, type FieldValues, type UseFormReturn } from "react-hook-form";

export type AnyForm = UseFormReturn<FieldValues>;

export const fieldClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-slate-500 focus:outline-none focus:ring-2 focus:ring-sky-300 disabled:bg-slate-50 disabled:text-slate-600 aria-[invalid=true]:border-red-500 dark:border-slate-700 dark:bg-slate-950 dark:disabled:bg-slate-900";
export const smallButton = "rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800";

/** The field's error from react-hook-form (client rules or the server's field-level refusal), announced to screen readers. */
export function FieldError({ form, path }: { form: AnyForm; path: string }) {
  const error = get(form.formState.errors, path) as { message?: string } | undefined;
  if (!error?.message) return null;
  return (
    <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
      {error.message}
    </p>
  );
}

export function isInvalid(form: AnyForm, path: string): boolean {
  return Boolean(get(form.formState.errors, path));
}
