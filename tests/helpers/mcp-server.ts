import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Db } from "@/lib/db";
import { handleMcpRequest } from "@/lib/mcp/handle-mcp-request";

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks) });
}

/**
 * /api/mcp's handler behind a real HTTP listener on this test's database, so the official SDK
 * client talks to it over the network exactly as an assistant does (the e2e suite does the same
 * against the built app).
 */
export async function startMcpHttpServer(db: Db, enqueued: string[] = []) {
  const server = createServer((req, res) => {
    void (async () => {
      const response = await handleMcpRequest(await toRequest(req, `http://${req.headers.host}`), { db, enqueueRedraft: async (id) => void enqueued.push(id) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/mcp`);
  return {
    url,
    /** An SDK client connected with the given bearer token. */
    connect: async (token: string) => {
      const client = new Client({ name: "sitrep-test", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
      return client;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
