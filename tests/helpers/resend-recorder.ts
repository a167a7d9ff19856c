import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> };
type Reply = { status: number; body: unknown } | "hang";

/**
 * A local stand-in for Resend's POST /emails that records every request, answers as Resend does
 * (an id; the same id again for a repeated Idempotency-Key) and can be told to fail, so tests go
 * through the real SDK over real HTTP.
 */
export async function startResendRecorder() {
  const requests: RecordedRequest[] = [];
  const delivered = new Map<string, { id: string; body: Record<string, unknown> }>();
  // A script may answer later (a slow provider): the request is recorded on arrival, accepted when it answers.
  let script: (request: RecordedRequest, index: number) => Reply | undefined | Promise<Reply | undefined> = () => undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const record: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown> };
      requests.push(record);
      void Promise.resolve(script(record, requests.length - 1)).then((scripted) => {
        const reply = scripted ?? accept(record);
        if (reply === "hang") return; // never answers: the client's timeout decides
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(JSON.stringify(reply.body));
      });
    });
  });
  function accept(record: RecordedRequest): Reply {
    const key = String(record.headers["idempotency-key"] ?? randomUUID());
    const known = delivered.get(key);
    if (known) return { status: 200, body: { id: known.id } };
    const id = randomUUID();
    delivered.set(key, { id, body: record.body });
    return { status: 200, body: { id } };
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** What the provider accepted, once per idempotency key: what recipients actually got. */
    delivered,
    setScript(next: typeof script) {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
