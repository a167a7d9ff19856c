import { updateIncidentRecipients } from "@/lib/distribution/update-incident-recipients";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonObject } from "@/lib/http/read-json-body";

/** PUT /api/incidents/INC-42/recipients with { extraRecipients, excludedRecipients } (lists or newline-separated text). */
export const PUT = apiRoute<{ key: string }>("incidents.send", async (ctx, request, params) => {
  const body = await readJsonObject(request, 64 * 1024);
  return updateIncidentRecipients(ctx, { key: params.key, extraRecipients: body.extraRecipients as string, excludedRecipients: body.excludedRecipients as string });
});
