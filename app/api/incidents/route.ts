import { apiRoute } from "@/lib/http/api-route";
import { listIncidents } from "@/lib/incidents/list-incidents";

/** GET /api/incidents?status=&severity=&category=&open=&q=&limit= */
export const GET = apiRoute("incidents.read", (ctx, request) => {
  const params = new URL(request.url).searchParams;
  return listIncidents(ctx, Object.fromEntries(params));
});
