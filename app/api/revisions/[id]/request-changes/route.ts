import { apiRoute } from "@/lib/http/api-route";
import { readJsonObject } from "@/lib/http/read-json-body";
import { requestRevisionChanges } from "@/lib/reviews/request-revision-changes";

/** POST /api/revisions/{id}/request-changes with { version, reason }: back to the editors, with the note on top. */
export const POST = apiRoute<{ id: string }>("incidents.approve", async (ctx, request, params) => {
  const body = await readJsonObject(request);
  return requestRevisionChanges(ctx, { revisionId: params.id, version: body.version as number, reason: body.reason as string });
});
