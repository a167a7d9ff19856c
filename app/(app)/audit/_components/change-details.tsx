/** Before and after of the changed fields, folded away until asked for (some events carry whole sections). */
export function ChangeDetails({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="text-slate-400">—</span>;
  const fields = [...new Set([...Object.keys(asRecord(before)), ...Object.keys(asRecord(after))])];
  return (
    <details>
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{fields.slice(0, 4).join(", ") || "details"}{fields.length > 4 ? "…" : ""}</summary>
      <div className="mt-1 grid gap-1">
        {before != null && <Json label="before" value={before} />}
        {after != null && <Json label="after" value={after} />}
      </div>
    </details>
  );
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <span className="font-semibold text-slate-500">{label}</span>
      <pre className="max-h-48 max-w-md overflow-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-1 font-mono text-[11px] dark:bg-slate-800">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
