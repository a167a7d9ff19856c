import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Ctx } from "@/lib/context";
import { registerProposeTools } from "@/lib/mcp/register-propose-tools";
import { registerReadTools } from "@/lib/mcp/register-read-tools";

const INSTRUCTIONS = `Sitrep holds incidents, their evidence and the drafts of their reports. You can read them, add evidence and timeline entries, tag incidents and propose draft revisions that cite evidence ids.
You cannot approve or send anything: a person reviews every draft and decides what goes out. Cite only evidence ids that get_incident or search_evidence returned for the same incident.`;

/** One MCP server for one authenticated agent: every tool runs its lib verb as that agent. */
export function createMcpServer(ctx: Ctx, options: { guard?: () => Promise<void> } = {}): McpServer {
  const server = new McpServer({ name: "sitrep", version: "1.0.0" }, { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {} } });
  registerReadTools(server, ctx, options.guard);
  registerProposeTools(server, ctx, options.guard);
  return server;
}
