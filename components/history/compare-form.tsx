import type { RevisionKind } from "@/lib/history/diff-revisions";

const selectClass = "mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const KINDS: { value: RevisionKind; label: string }[] = [
  { value: "report", label: "Report" },
  { value: "status_update", label: "Status update" },
];

type Revision = { kind: RevisionKind; number: number; state: string };

/** A GET form, so the comparison lives in the URL and needs no JavaScript: ?kind=report&from=1&to=2. */
export function CompareForm({ revisions, current }: { revisions: Revision[]; current: { kind: RevisionKind; from: number | null; to: number | null } }) {
  const numbers = [...new Set(revisions.map((r) => r.number))].sort((a, b) => a - b);
  const describe = (n: number) =>
    `r${n} (${revisions
      .filter((r) => r.number === n)
      .map((r) => `${r.kind === "report" ? "report" : "status update"} ${r.state.replace("_", " ")}`)
      .join("; ")})`;
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Compare two revisions">
      <label className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-400">
        Kind
        <select name="kind" defaultValue={current.kind} className={selectClass}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {(["from", "to"] as const).map((side) => (
        <label key={side} className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-400">
          {side === "from" ? "From revision" : "To revision"}
          <select name={side} defaultValue={current[side] ?? undefined} className={selectClass}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                {describe(n)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-slate-100 dark:text-slate-900">
        Compare
      </button>
    </form>
  );
}
