import { apiRoute } from "@/lib/http/api-route";
import { computeInsights } from "@/lib/insights/compute-insights";

/** GET /api/insights?period=7|30|90|custom&from=&to=&severity=&category=&service=&tag=&groupBy= */
export const GET = apiRoute("insights.read", (ctx, request) => computeInsights(ctx, Object.fromEntries(new URL(request.url).searchParams)));
