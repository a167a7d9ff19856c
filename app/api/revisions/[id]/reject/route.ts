import { apiRoute } from "@/lib/http/api-route";
import { readJsonObject } from "@/lib/http/read-json-body";
import { rejectRevision } from "@/lib/reviews/reject-revision";

/** POST /api/revisions/{id}/reject with { version, reason }. */
export const POST = apiRoute<{ id: string }>("incidents.approve", async (ctx, request, params) => {
  const body = await readJsonObject(request);
  return rejectRevision(ctx, { revisionId: params.id, version: body.version as number, reason: body.reason as string });
});
