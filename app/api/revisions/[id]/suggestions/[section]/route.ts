import { apiRoute } from "@/lib/http/api-route";
import { readJsonObject } from "@/lib/http/read-json-body";
import { resolveSuggestion } from "@/lib/reviews/resolve-suggestion";

/** POST /api/revisions/{id}/suggestions/{section} with { version, decision: "accept" | "dismiss" }. */
export const POST = apiRoute<{ id: string; section: string }>("drafts.edit", async (ctx, request, params) => {
  const body = await readJsonObject(request);
  return resolveSuggestion(ctx, { revisionId: params.id, section: params.section, version: body.version as number, decision: body.decision as "accept" });
});
