import { apiRoute } from "@/lib/http/api-route";
import { countReviewQueue, listReviewQueue } from "@/lib/reviews/list-review-queue";

/** GET /api/queue?severity=SEV1,SEV2&category=&tag=&mine=true: drafts awaiting review, with the total for the navigation badge. */
export const GET = apiRoute("drafts.read", async (ctx, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const [items, total] = await Promise.all([listReviewQueue(ctx, params), countReviewQueue(ctx)]);
  return { items, total };
});
