import { apiRoute } from "@/lib/http/api-route";
import { computeInsights } from "@/lib/insights/compute-insights";
import { readQuery } from "@/lib/http/read-query";

/** GET /api/insights?period=7|30|90|custom&from=&to=&severity=&category=&service=&tag=&groupBy= */
export const GET = apiRoute("insights.read", (ctx, request) => computeInsights(ctx, readQuery(request)));
