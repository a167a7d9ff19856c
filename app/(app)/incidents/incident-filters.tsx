import { FilterButtons } from "@/components/ui/filter-buttons";

const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"];
const STATUSES = ["triggered", "investigating", "identified", "monitoring", "resolved"];

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

/** A plain GET form: filters live in the URL, so a filtered list can be shared and reloaded. */
export function IncidentFilters({ current }: { current: Record<string, string | undefined> }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-center gap-2" role="search">
      <input name="q" defaultValue={current.q} placeholder="Search title, tag or service" aria-label="Search" className={`${selectClass} w-64`} />
      <select name="severity" defaultValue={current.severity ?? ""} aria-label="Severity" className={selectClass}>
        <option value="">Any severity</option>
        {SEVERITIES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <select name="status" defaultValue={current.status ?? ""} aria-label="Status" className={selectClass}>
        <option value="">Any status</option>
        {STATUSES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <FilterButtons resetHref="/incidents" />
    </form>
  );
}
