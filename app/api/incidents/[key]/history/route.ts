import { apiRoute } from "@/lib/http/api-route";
import { readQuery } from "@/lib/http/read-query";
import { getIncidentHistory } from "@/lib/history/get-incident-history";

/** GET /api/incidents/INC-42/history[?kind=report&from=1&to=2]: the thread, and a diff of two revisions when asked. */
export const GET = apiRoute<{ key: string }>("drafts.read", (ctx, request, params) => {
  const { kind, from, to } = readQuery(request);
  return getIncidentHistory(ctx, { key: params.key, compare: { kind, from, to } });
});
