import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createMcpServer } from "@/lib/mcp/create-mcp-server";
import { enqueueRedraft } from "@/lib/reports/enqueue-redraft";
import { authenticateToken } from "@/lib/tokens/authenticate-token";

/**
 * The MCP server over stdin/stdout for a local assistant (`npm run sitrep -- mcp`). It acts as
 * the AGENT token it is given, exactly as /api/mcp does; it resolves when the client hangs up.
 */
export async function serveMcpOverStdio(db: Db, input: { token: string | undefined; databaseUrl: string }): Promise<void> {
  if (!input.token) throw new AppError("UNAUTHENTICATED", "Set SITREP_TOKEN to an AGENT token (Settings → API tokens, or token:create --role AGENT --scope read|propose).");
  const actor = await authenticateToken(db, input.token, { what: "MCP stdio" });
  if (!actor) throw new AppError("UNAUTHENTICATED", "SITREP_TOKEN is unknown, revoked or expired.");
  if (actor.role !== "AGENT") throw new AppError("FORBIDDEN", `MCP is for AGENT tokens; SITREP_TOKEN acts as ${actor.role}.`);
  const token = input.token;
  const guard = async () => {
    if (!(await authenticateToken(db, token, { what: "MCP stdio" }))) throw new AppError("UNAUTHENTICATED", "SITREP_TOKEN was revoked or has expired; nothing was done.");
  };
  const server = createMcpServer({ db, actor, enqueueRedraft: (id) => enqueueRedraft(id, { connectionString: input.databaseUrl }) }, { guard });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once("end", () => resolve());
  });
  await server.connect(transport);
  console.error(`Sitrep MCP server on stdio, acting as ${actor.label} (scope ${actor.type === "token" && actor.scope === "propose" ? "propose" : "read"}).`);
  await closed;
  await server.close();
}
