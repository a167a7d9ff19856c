import { sendRevision } from "@/lib/deliveries/send-revision";
import { apiRoute } from "@/lib/http/api-route";
import { findPublicOrigin } from "@/lib/http/public-origin";

/** POST /api/revisions/{id}/send: through the gate; COMMANDER or ADMIN only, and only an approved revision in its approved form. */
export const POST = apiRoute<{ id: string }>("incidents.send", async (ctx, _request, params) => sendRevision(ctx, { revisionId: params.id, origin: await findPublicOrigin() }));
