import { apiRoute } from "@/lib/http/api-route";
import { readIncident } from "@/lib/stakeholder/read-incident";

/** GET /api/incidents/INC-42: with timeline and drafts for responders and up, approved content for stakeholders. */
export const GET = apiRoute<{ key: string }>("incidents.read", (ctx, _request, params) => readIncident(ctx, { key: params.key }));
