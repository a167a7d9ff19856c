import { randomUUID } from "node:crypto";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { isDatabaseUnavailable } from "@/lib/database/is-database-unavailable";
import { getDb, type Db } from "@/lib/db";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { createMcpServer } from "@/lib/mcp/create-mcp-server";
import { enqueueRedraft } from "@/lib/reports/enqueue-redraft";
import { authenticateToken } from "@/lib/tokens/authenticate-token";

/** A proposal with a long timeline is well under this; anything larger is refused before it is parsed. */
export const MAX_MCP_BYTES = 512 * 1024;

function rpcError(status: number, code: number, message: string, requestId: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: "2.0", id: null, error: { code, message, data: { requestId } } }, { status, headers: { "x-request-id": requestId, ...headers } });
}

/**
 * POST /api/mcp: the Model Context Protocol over Streamable HTTP, stateless (a server and a
 * transport per request, so any app instance can answer). Only AGENT tokens get in; the tools run
 * as that token, so every permission check and audit row names it.
 */
export async function handleMcpRequest(request: Request, deps: Deps = {}): Promise<Response> {
  const requestId = randomUUID();
  try {
    return await serve(request, requestId, deps);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return rpcError(503, -32000, "Storage is unavailable; retry shortly.", requestId, { "retry-after": "5" });
    console.error(`[mcp] request ${requestId} failed`, error);
    return rpcError(500, -32603, "Something went wrong on Sitrep's side; it has been logged.", requestId);
  }
}

type Deps = { db?: Db; enqueueRedraft?: (incidentId: string) => Promise<void> };

async function serve(request: Request, requestId: string, deps: Deps): Promise<Response> {
  const { db = getDb(), enqueueRedraft: enqueue = enqueueRedraft } = deps;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  const challenge = { "www-authenticate": 'Bearer realm="sitrep-mcp"' };
  if (!match?.[1]) return rpcError(401, -32001, "Send an AGENT token as 'Authorization: Bearer <token>' (Settings → API tokens).", requestId, challenge);
  const actor = await authenticateToken(db, match[1], { what: `MCP ${request.method} /api/mcp`, requestId });
  if (!actor) return rpcError(401, -32001, "That token is unknown, revoked or expired.", requestId, challenge);
  if (actor.role !== "AGENT") return rpcError(403, -32003, `MCP is for AGENT tokens; this one acts as ${actor.role}. Create an AGENT token in Settings → API tokens.`, requestId);
  // Stateless: no session to resume (GET) or end (DELETE).
  if (request.method !== "POST") return rpcError(405, -32000, "Send JSON-RPC messages with POST; this server keeps no sessions.", requestId, { allow: "POST" });
  const body = await readLimitedBody(request, MAX_MCP_BYTES);
  if (!body.ok) return rpcError(413, -32600, `The request is larger than ${MAX_MCP_BYTES / 1024} kB; send fewer sections or shorter text.`, requestId);
  let parsedBody: unknown;
  try {
    parsedBody = JSON.parse(body.bytes.toString("utf8"));
  } catch {
    return rpcError(400, -32700, "The body is not valid JSON.", requestId);
  }
  const server = createMcpServer({ db, actor, requestId, enqueueRedraft: enqueue });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    const response = await transport.handleRequest(request, { parsedBody });
    response.headers.set("x-request-id", requestId);
    return response;
  } finally {
    await server.close();
  }
}
