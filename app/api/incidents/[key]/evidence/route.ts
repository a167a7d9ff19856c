import { addEvidence } from "@/lib/evidence/add-evidence";
import type { AddEvidenceInput } from "@/lib/evidence/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { searchReviewEvidence } from "@/lib/reviews/search-review-evidence";

const MAX_BYTES = 10 * 1024 * 1024;

/** GET /api/incidents/INC-42/evidence?q=12 (or words): evidence to cite, numbered as the review page numbers it. */
export const GET = apiRoute<{ key: string }>("evidence.read", (ctx, request, params) => searchReviewEvidence(ctx, { key: params.key, query: new URL(request.url).searchParams.get("q") ?? "" }));

/** POST /api/incidents/INC-42/evidence — chat, Slack exports, metrics, change events, notes. */
export const POST = apiRoute<{ key: string }>("evidence.create", async (ctx, request, params) => {
  const evidence = (await readJsonBody(request, MAX_BYTES)) as AddEvidenceInput;
  return addEvidence(ctx, { key: params.key, evidence });
});
