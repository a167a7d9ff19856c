import { apiRoute } from "@/lib/http/api-route";
import { getIncident } from "@/lib/incidents/get-incident";

/** GET /api/incidents/INC-42 */
export const GET = apiRoute<{ key: string }>("incidents.read", (ctx, _request, params) => getIncident(ctx, { key: params.key }));
