import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/api-route";
import { AppError, isAppError } from "@/lib/errors";
import { openShareLink } from "@/lib/stakeholder/open-share-link";

/** A share link's content as JSON, which its page polls for changes. The link is the credential: no session, no token. */
export async function GET(_request: Request, { params }: RouteContext<"/api/status/[token]">) {
  const requestId = randomUUID();
  const { token } = await params;
  try {
    const view = await openShareLink({ token, requestId, countView: false });
    return Response.json({ data: view }, { headers: { "cache-control": "no-store", "referrer-policy": "no-referrer", "x-request-id": requestId } });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error, requestId);
    console.error(`[status] request ${requestId} failed`, error);
    return errorResponse(new AppError("INTERNAL", "Something went wrong on our side; it has been logged."), requestId);
  }
}
