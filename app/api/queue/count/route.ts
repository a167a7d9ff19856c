import { apiRoute } from "@/lib/http/api-route";
import { countReviewQueue } from "@/lib/reviews/list-review-queue";

/** GET /api/queue/count: how many drafts wait for review (the navigation badge). */
export const GET = apiRoute("drafts.read", async (ctx) => ({ total: await countReviewQueue(ctx) }));
