import { apiRoute } from "@/lib/http/api-route";
import { getReview } from "@/lib/reviews/get-review";

/** GET /api/incidents/INC-42/review?kind=report|status_update: the editor's view of the latest revision. */
export const GET = apiRoute<{ key: string }>("drafts.read", (ctx, request, params) =>
  getReview(ctx, { key: params.key, kind: (new URL(request.url).searchParams.get("kind") ?? undefined) as "report" | undefined }),
);
