import { apiRoute } from "@/lib/http/api-route";
import { findPublicOrigin } from "@/lib/http/public-origin";
import { previewRevisionEmails } from "@/lib/reviews/preview-revision-emails";

/** GET /api/revisions/{id}/email-preview: each email approval would send, rendered, with its list and recipients. */
export const GET = apiRoute<{ id: string }>("drafts.read", async (ctx, _request, params) => previewRevisionEmails(ctx, { revisionId: params.id, origin: await findPublicOrigin() }));
