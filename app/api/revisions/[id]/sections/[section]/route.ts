import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { updateDraftSection } from "@/lib/reports/update-draft-section";

/** PUT /api/revisions/{id}/sections/{section} with { content, version }: a person's edit of one draft section. */
export const PUT = apiRoute<{ id: string; section: string }>("drafts.edit", async (ctx, request, params) => {
  const body = (await readJsonBody(request, 1024 * 1024)) as { content?: unknown; version?: number };
  return updateDraftSection(ctx, { revisionId: params.id, section: params.section, content: body.content, version: body.version as number });
});
