import { randomUUID } from "node:crypto";
import { isDatabaseUnavailable } from "@/lib/database/is-database-unavailable";
import { errorResponse } from "@/lib/http/api-route";
import { AppError, isAppError } from "@/lib/errors";
import { checkShareLinkVersion } from "@/lib/stakeholder/open-share-link";

/**
 * What an open share-link page polls: the version of what it shows, and the status. The link is
 * the credential (no session, no token); a revoked, expired or forged one is a 404.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/status/[token]">) {
  const requestId = randomUUID();
  const { token } = await params;
  try {
    const data = await checkShareLinkVersion({ token });
    return Response.json({ data }, { headers: { "cache-control": "no-store", "referrer-policy": "no-referrer", "x-request-id": requestId } });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error, requestId);
    if (isDatabaseUnavailable(error)) return errorResponse(new AppError("UNAVAILABLE", "Storage is unavailable; retry shortly."), requestId);
    console.error(`[status] request ${requestId} failed`, error);
    return errorResponse(new AppError("INTERNAL", "Something went wrong on our side; it has been logged."), requestId);
  }
}
