import { apiRoute } from "@/lib/http/api-route";
import { readJsonObject } from "@/lib/http/read-json-body";
import { recordReviewPresence } from "@/lib/reviews/record-review-presence";

/** POST /api/revisions/{id}/presence with { version, section? }: the review page's heartbeat; answers who else is here. */
export const POST = apiRoute<{ id: string }>("drafts.read", async (ctx, request, params) => {
  const body = await readJsonObject(request, 4096);
  return recordReviewPresence(ctx, { revisionId: params.id, version: body.version as number, section: body.section as string | null | undefined });
});
