import { apiRoute } from "@/lib/http/api-route";
import { getRawEvent } from "@/lib/raw-events/get-raw-event";

/** GET /api/raw-events/{id}: the stored webhook delivery behind a timeline entry. */
export const GET = apiRoute<{ id: string }>("evidence.read", (ctx, _request, params) => getRawEvent(ctx, { id: params.id }));
