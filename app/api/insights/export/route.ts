import { apiRoute } from "@/lib/http/api-route";
import { computeInsights } from "@/lib/insights/compute-insights";
import { readQuery } from "@/lib/http/read-query";
import { insightsCsv } from "@/lib/insights/insights-csv";

/** GET /api/insights/export?…: the insights tables as CSV (same filters as the page). */
export const GET = apiRoute("insights.read", async (ctx, request) => {
  const insights = await computeInsights(ctx, readQuery(request));
  const name = `sitrep-insights-${insights.filter.from.slice(0, 10)}-to-${insights.filter.to.slice(0, 10)}.csv`;
  return new Response(insightsCsv(insights), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });
});
