import { randomUUID } from "node:crypto";
import { renderSharePage, renderStatusProblem } from "@/components/stakeholder/status-document";
import { isDatabaseUnavailable } from "@/lib/database/is-database-unavailable";
import { isAppError } from "@/lib/errors";
import { openShareLink } from "@/lib/stakeholder/open-share-link";

/**
 * GET /status/<token>: the page a share link opens, as plain HTML with no React in the browser
 * (ADR 0014). The link is the credential; there is no session. The token is a bearer secret: no
 * index and no cache here, no Referer from next.config.ts (its headers override a route's).
 * proxy.ts adds the nonce policy and hands its nonce on as `x-nonce` for the page's one inline
 * script. A forged, revoked or expired link gets the same 404 page; storage down, a 503; anything
 * else a generic 500, logged with the request id.
 */
export async function GET(request: Request, { params }: RouteContext<"/status/[token]">) {
  // Our own id, never the visitor's: an anonymous caller does not get to write into the audit log.
  const requestId = randomUUID();
  const { token } = await params;
  const nonce = request.headers.get("x-nonce");
  const html = (status: number, body: string, extra: Record<string, string> = {}) =>
    new Response(body, {
      status,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-robots-tag": "noindex, nofollow", "x-request-id": requestId, ...extra },
    });
  try {
    const view = await openShareLink({ token, requestId });
    return html(200, await renderSharePage(view, { versionUrl: `/api/status/${token}`, nonce }));
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return html(404, await renderStatusProblem("not-found", { nonce }));
    if (isDatabaseUnavailable(error)) return html(503, await renderStatusProblem("unavailable", { nonce }), { "retry-after": "30" });
    console.error(`[status] request ${requestId} failed`, error);
    return html(500, await renderStatusProblem("internal", { nonce, requestId }));
  }
}
