import { apiRoute } from "@/lib/http/api-route";
import { readJsonObject } from "@/lib/http/read-json-body";
import { approveRevision } from "@/lib/reviews/approve-revision";

/** POST /api/revisions/{id}/approve with { version }: COMMANDER or ADMIN only (a RESPONDER gets 403). */
export const POST = apiRoute<{ id: string }>("incidents.approve", async (ctx, request, params) => {
  const body = await readJsonObject(request);
  return approveRevision(ctx, { revisionId: params.id, version: body.version as number });
});
