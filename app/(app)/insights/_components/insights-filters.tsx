import { FilterButtons } from "@/components/ui/filter-buttons";
import { categorySchema, severitySchema } from "@/lib/incidents/schemas";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Filters in the URL (a GET form), so a view can be shared and bookmarked. */
export function InsightsFilters({ current }: { current: Record<string, string | undefined> }) {
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-2" role="search" aria-label="Filter insights">
      <label className="text-xs text-slate-600 dark:text-slate-400">
        Period
        <select name="period" defaultValue={current.period ?? "30"} className={`${control} block`}>
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="90">Last 90 days</option>
          <option value="custom">Custom (from–to)</option>
        </select>
      </label>
      <label className="text-xs text-slate-600 dark:text-slate-400">
        From
        <input type="date" name="from" defaultValue={current.from} className={`${control} block`} />
      </label>
      <label className="text-xs text-slate-600 dark:text-slate-400">
        To
        <input type="date" name="to" defaultValue={current.to} className={`${control} block`} />
      </label>
      <label className="text-xs text-slate-600 dark:text-slate-400">
        Severity
        <select name="severity" defaultValue={current.severity ?? ""} className={`${control} block`}>
          <option value="">Any</option>
          {severitySchema.options.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600 dark:text-slate-400">
        Category
        <select name="category" defaultValue={current.category ?? ""} className={`${control} block`}>
          <option value="">Any</option>
          {categorySchema.options.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600 dark:text-slate-400">
        Service
        <input name="service" defaultValue={current.service} className={`${control} block w-36`} />
      </label>
      <label className="text-xs text-slate-600 dark:text-slate-400">
        Tag
        <input name="tag" defaultValue={current.tag} className={`${control} block w-32`} />
      </label>
      <label className="text-xs text-slate-600 dark:text-slate-400">
        Break down by
        <select name="groupBy" defaultValue={current.groupBy ?? "severity"} className={`${control} block`}>
          <option value="severity">Severity</option>
          <option value="category">Category</option>
          <option value="service">Service</option>
          <option value="tag">Tag</option>
        </select>
      </label>
      <FilterButtons resetHref="/insights" submit="Show" reset="Reset" />
    </form>
  );
}
