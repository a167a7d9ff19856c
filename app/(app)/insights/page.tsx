import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { computeInsights } from "@/lib/insights/compute-insights";
import { insightsFilterSchema } from "@/lib/insights/schemas";
import { InsightsCharts } from "./_components/insights-charts";
import { InsightsFilters } from "./_components/insights-filters";

export const metadata: Metadata = { title: "Insights" };

export default async function InsightsPage({ searchParams }: PageProps<"/insights">) {
  const ctx = await requirePageCtx("insights.read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]).filter(([, v]) => v)) as Record<string, string>;
  const parsed = insightsFilterSchema.safeParse(raw);
  const filter = parsed.success ? raw : {};
  const insights = await computeInsights(ctx, filter);
  const query = new URLSearchParams(filter).toString();
  return (
    <>
      <PageHeader
        title="Insights"
        description="How fast the team acknowledges, resolves and tells people, from the incidents' own (audited, corrected) milestones. Minutes; medians and 90th percentiles; open incidents count as open, never as zero."
        actions={
          <a href={`/api/insights/export?${query}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800" download>
            Export CSV
          </a>
        }
      />
      <InsightsFilters current={filter} />
      {!parsed.success && (
        <p role="alert" className="mb-4 text-sm text-amber-700">
          {parsed.error.issues[0]?.message ?? "Some filters were not understood"}: showing the last 30 days instead.
        </p>
      )}
      <InsightsCharts insights={insights} />
    </>
  );
}
