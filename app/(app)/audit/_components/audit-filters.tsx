import { FilterButtons } from "@/components/ui/filter-buttons";

const inputClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
const FIELDS = [
  { name: "actor", label: "Actor", placeholder: "e-mail, token name or id", width: "w-52" },
  { name: "action", label: "Action", placeholder: "revision.approve or revision.", width: "w-52" },
  { name: "incident", label: "Incident", placeholder: "INC-12", width: "w-28" },
  { name: "from", label: "From (UTC)", placeholder: "2026-11-30", width: "w-36" },
  { name: "to", label: "To (UTC)", placeholder: "2026-12-01T18:00", width: "w-40" },
] as const;

/** A GET form: the filters live in the URL, so an auditor can share the exact view, and the exports take the same query. */
export function AuditFilters({ current, query }: { current: Record<string, string | undefined>; query: string }) {
  return (
    <div className="mb-4 flex flex-wrap items-end gap-2">
      <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter the audit log">
        {FIELDS.map((f) => (
          <label key={f.name} className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-400">
            {f.label}
            <input name={f.name} defaultValue={current[f.name] ?? ""} placeholder={f.placeholder} className={`${inputClass} ${f.width} mt-1 font-normal text-slate-900 dark:text-slate-100`} />
          </label>
        ))}
        <FilterButtons resetHref="/audit" className="py-1.5" />
      </form>
      <nav aria-label="Export" className="ml-auto flex gap-2 text-sm">
        <a href={`/api/audit/export?format=csv${query}`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800" download>
          Export CSV
        </a>
        <a href={`/api/audit/export?format=jsonl${query}`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800" download>
          Export JSON Lines
        </a>
      </nav>
    </div>
  );
}
