import { apiRoute } from "@/lib/http/api-route";
import { getStakeholderView } from "@/lib/stakeholder/get-stakeholder-view";

/** What stakeholders may read of an incident: the latest approved report and the updates sent. Every role may ask. */
export const GET = apiRoute<{ key: string }>("incidents.read", (ctx, _request, { key }) => getStakeholderView(ctx, { key }));
