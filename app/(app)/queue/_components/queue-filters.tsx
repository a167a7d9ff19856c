import { FilterButtons } from "@/components/ui/filter-buttons";
import { categorySchema, severitySchema } from "@/lib/incidents/schemas";

const SEVERITIES = severitySchema.options;
const CATEGORIES = categorySchema.options;
const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Filters live in the URL (a GET form), so a filtered queue can be shared and reloaded. */
export function QueueFilters({ current }: { current: Record<string, string | undefined> }) {
  const severities = new Set((current.severity ?? "").split(",").filter(Boolean));
  return (
    <form method="get" className="mb-4 flex flex-wrap items-center gap-3" role="search" aria-label="Filter the queue">
      <fieldset className="flex flex-wrap items-center gap-2 text-sm">
        <legend className="sr-only">Severity</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className="flex items-center gap-1">
            <input type="checkbox" name="severity" value={s} defaultChecked={severities.has(s)} /> {s}
          </label>
        ))}
      </fieldset>
      <select name="category" defaultValue={current.category ?? ""} aria-label="Category" className={control}>
        <option value="">Any category</option>
        {CATEGORIES.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <input name="tag" defaultValue={current.tag} placeholder="Tag" aria-label="Tag" className={`${control} w-32`} />
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" name="mine" value="true" defaultChecked={current.mine === "true"} /> Mine
      </label>
      <FilterButtons resetHref="/queue" />
    </form>
  );
}
