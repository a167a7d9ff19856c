import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-slate-500 focus:outline-none dark:border-slate-700 dark:bg-slate-900";

export function FormField({ label, error, children }: { label: string; error?: string[]; children: ReactNode }) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      {children}
      {error?.map((message) => (
        <span key={message} className="mt-1 block text-xs text-red-700 dark:text-red-400">
          {message}
        </span>
      ))}
    </label>
  );
}

/** Every field's messages from a refused action, once each, for a compact form without per-field slots. */
export function FieldErrorList({ fieldErrors }: { fieldErrors?: Record<string, string[] | undefined> }) {
  if (!fieldErrors) return null;
  return (
    <>
      {[...new Set(Object.values(fieldErrors).flat())].map((m) => (
        <p key={m} className="text-xs text-red-700 dark:text-red-300">
          {m}
        </p>
      ))}
    </>
  );
}

export function FormMessage({ state }: { state: { ok?: boolean; error?: string } }) {
  if (!state.error) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {state.error}
    </p>
  );
}
