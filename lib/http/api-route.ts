import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor, Permission } from "@/lib/authz";
import { assertCan } from "@/lib/authz";
import { recordPermissionDenial } from "@/lib/audit/record-permission-denial";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db";
import { enqueueRedraft } from "@/lib/reports/enqueue-redraft";
import { isDatabaseUnavailable } from "@/lib/database/is-database-unavailable";
import { isTransactionConflict } from "@/lib/database/is-transaction-conflict";
import { AppError, isAppError } from "@/lib/errors";

type RouteContext<P> = { params: Promise<P> };

/** JSON error body shared by every API route: a code, a message a person can act on, the request id. */
export function errorResponse(error: AppError, requestId: string): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.details && { details: error.details }), requestId } },
    { status: error.status, headers: { "x-request-id": requestId } },
  );
}

/**
 * Wraps an API route: authenticates (401 without a session or token), checks the permission
 * (403), maps typed errors and zod errors to 4xx, and never leaks an unexpected error's text.
 */
export function apiRoute<P = Record<string, never>>(
  permission: Permission,
  handler: (ctx: Ctx, request: Request, params: P) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    // A caller's request id is echoed and audited, so only a short, plain one is taken.
    const offered = request.headers.get("x-request-id");
    const requestId = offered && /^[A-Za-z0-9._-]{1,64}$/.test(offered) ? offered : randomUUID();
    let actor: Actor | null = null;
    try {
      actor = await authenticateRequest(request, requestId);
      if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in, or send an API token as 'Authorization: Bearer <token>'.");
      // An agent's token is for the MCP tools only: the REST API's reads reach recipients and lists an agent has no need of.
      if (actor.role === "AGENT") throw new AppError("FORBIDDEN", "AGENT tokens work through the MCP endpoint (/api/mcp) only.", { permission: "mcp-only" });
      assertCan(actor, permission);
      const data = await handler({ db: getDb(), actor, requestId, enqueueRedraft }, request, await context.params);
      // A handler may answer with its own response (a CSV download, say); errors still map here.
      if (data instanceof Response) {
        data.headers.set("x-request-id", requestId);
        return data;
      }
      return Response.json({ data }, { headers: { "x-request-id": requestId } });
    } catch (error) {
      if (isAppError(error)) {
        // Only a role's missing permission is a denial; a business rule's refusal (the two-person rule) is not.
        if (error.code === "FORBIDDEN" && actor && typeof error.details?.permission === "string") {
          await recordPermissionDenial(getDb(), actor, { what: `${request.method} ${new URL(request.url).pathname}`, permission: error.details.permission, requestId });
        }
        return errorResponse(error, requestId);
      }
      if (error instanceof z.ZodError) {
        const field = error.issues[0]?.path.join(".") || undefined;
        return errorResponse(new AppError("UNPROCESSABLE", z.prettifyError(error), { field, issues: error.issues }), requestId);
      }
      if (isTransactionConflict(error)) {
        return errorResponse(new AppError("CONFLICT", "Someone else changed this at the same moment; reload and try again."), requestId);
      }
      if (isDatabaseUnavailable(error)) {
        console.error(`[api] request ${requestId}: database unavailable`);
        return errorResponse(new AppError("UNAVAILABLE", "Storage is unavailable; retry shortly."), requestId);
      }
      console.error(`[api] request ${requestId} failed`, error);
      return errorResponse(new AppError("INTERNAL", "Something went wrong on our side; it has been logged."), requestId);
    }
  };
}
