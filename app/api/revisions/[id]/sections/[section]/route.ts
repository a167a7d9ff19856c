import { apiRoute } from "@/lib/http/api-route";
import { readJsonObject } from "@/lib/http/read-json-body";
import { updateDraftSection } from "@/lib/reports/update-draft-section";

/** PUT /api/revisions/{id}/sections/{section} with { content, version, baseHash? }: a person's edit of one section. */
export const PUT = apiRoute<{ id: string; section: string }>("drafts.edit", async (ctx, request, params) => {
  const body = await readJsonObject(request);
  return updateDraftSection(ctx, { revisionId: params.id, section: params.section, content: body.content, version: body.version as number, baseHash: body.baseHash as string | undefined });
});
