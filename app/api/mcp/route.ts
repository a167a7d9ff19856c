import { handleMcpRequest } from "@/lib/mcp/handle-mcp-request";

/** The MCP endpoint for AI agents (Streamable HTTP, stateless): see the README's "Agents (MCP)". */
export const POST = (request: Request) => handleMcpRequest(request);
export const GET = (request: Request) => handleMcpRequest(request);
export const DELETE = (request: Request) => handleMcpRequest(request);
