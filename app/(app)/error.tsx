"use client";

/** Shown when a page fails unexpectedly; the digest lets an operator find the logged error. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-xl font-semibold">This page could not load</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Nothing you entered was lost on our side. Try again; if it keeps failing, give an admin this reference:{" "}
        <code className="font-mono">{error.digest ?? "unknown"}</code>
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white dark:bg-slate-100 dark:text-slate-900">
        Try again
      </button>
    </div>
  );
}
