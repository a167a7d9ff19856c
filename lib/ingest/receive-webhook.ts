import type { Db } from "@/lib/db";
import { authenticateDelivery } from "@/lib/ingest/authenticate-delivery";
import { findIntegrationCredentials } from "@/lib/ingest/find-integration-credentials";
import { parseJsonBody } from "@/lib/ingest/parse-json-body";
import { MAX_WEBHOOK_BYTES, readLimitedBody } from "@/lib/http/read-limited-body";
import { SENDERS, isWebhookSender } from "@/lib/ingest/senders";
import { storeRawEvent } from "@/lib/ingest/store-raw-event";
import { findUnstorableEvent } from "@/lib/ingest/find-unstorable-value";
import { createHash } from "node:crypto";

export type WebhookReply = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

const reply = (status: number, body: Record<string, unknown>, headers?: Record<string, string>): WebhookReply => ({ status, body, headers });
const refuse = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) => reply(status, { error: { code, message, ...extra } });

/** A few more tries over about 15 s, off the request's path (a database restart is usually over by then). */
function retryLater(attempt: () => Promise<void>, delays = [1000, 4000, 10_000]): void {
  const [delay, ...rest] = delays;
  if (delay === undefined) return;
  setTimeout(() => void attempt().catch(() => retryLater(attempt, rest)), delay).unref();
}

/** Headers worth keeping with the raw payload, minus anything that carries a credential. */
function headersToStore(headers: Record<string, string>, tokenHeader: string | null): Record<string, string> {
  const secret = new Set(["authorization", "cookie", "proxy-authorization", ...(tokenHeader ? [tokenHeader.toLowerCase()] : [])]);
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, secret.has(name) ? "[redacted]" : value]));
}

/**
 * The acknowledgement path of every webhook: verify, store the exact bytes, enqueue, answer.
 * Normalising the events into incidents happens in the background (process-raw-event.ts).
 * Database failures propagate so the route can answer 503 and the sender retries.
 */
export async function receiveWebhook(
  deps: { db: Db; enqueue: (rawEventId: string, options?: { isTrigger: boolean }) => Promise<void>; now?: Date },
  input: { sender: string; request: Request },
): Promise<WebhookReply> {
  const { sender, request } = input;
  if (!isWebhookSender(sender)) return refuse(404, "UNKNOWN_SENDER", `No webhook for "${sender}". Senders: ${Object.keys(SENDERS).join(", ")}.`);
  const body = await readLimitedBody(request);
  if (!body.ok) return refuse(413, "PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_WEBHOOK_BYTES} bytes.`);
  const headers = Object.fromEntries([...request.headers].map(([name, value]) => [name.toLowerCase(), value]));
  const credentials = await findIntegrationCredentials(deps.db, sender);
  const auth = authenticateDelivery(sender, credentials, { body: body.bytes, headers, now: deps.now ?? new Date() });
  if (!auth.ok) return refuse(401, "UNAUTHENTICATED", auth.reason);
  const contentType = headers["content-type"] ?? "";
  if (!/\bjson\b/i.test(contentType)) return refuse(400, "UNSUPPORTED_CONTENT_TYPE", `Expected a JSON body (Content-Type: application/json), got "${contentType || "none"}".`);
  const json = parseJsonBody(body.bytes.toString("utf8"));
  if (!json.ok) return refuse(400, "MALFORMED_JSON", json.message);
  const parsed = SENDERS[sender].parse({ body: json.value, headers });
  const unstorable = parsed.ok ? findUnstorableEvent(json.value, parsed.events) : { field: parsed.field, message: parsed.message };
  if (unstorable || !parsed.ok) {
    const reason = unstorable ?? { field: "body", message: "invalid payload" };
    // Authenticated but invalid: kept as rejected (a parser fix and a replay can recover it; some
    // senders never retry a 4xx), and refused with the field at fault.
    await storeRawEvent(deps.db, {
      sender,
      deliveryId: `rejected:${createHash("sha256").update(body.bytes).digest("hex")}`,
      headers: headersToStore(headers, credentials.tokenHeader),
      body: body.bytes,
      integrationId: credentials.integrationId,
      state: "rejected",
      ignoredReason: null,
      error: `${reason.field}: ${reason.message}`,
    });
    return refuse(422, "INVALID_PAYLOAD", reason.message, { field: reason.field });
  }

  const isIgnored = parsed.events.length === 0;
  const stored = await storeRawEvent(deps.db, {
    sender,
    deliveryId: parsed.deliveryId,
    headers: headersToStore(headers, credentials.tokenHeader),
    body: body.bytes,
    integrationId: credentials.integrationId,
    state: isIgnored ? "ignored" : "received",
    ignoredReason: parsed.ignoredReason ?? null,
    error: null,
  });
  if (!stored) return reply(200, { status: "duplicate", deliveryId: parsed.deliveryId });
  if (isIgnored) return reply(202, { status: "ignored", reason: parsed.ignoredReason ?? "nothing to act on", deliveryId: parsed.deliveryId });
  // The raw event is durable now, so still 202 if enqueueing fails: it is tried again shortly, and
  // should that fail too (or this process die), the minute's sweep picks the event up.
  // A trigger may open a new incident, whose first draft a commander is waiting for: it goes ahead
  // of an alert storm's updates to incidents already open (processing is order-independent).
  const hint = { isTrigger: parsed.events.some((event) => event.kind === "trigger") };
  await deps.enqueue(stored.id, hint).catch((error: unknown) => {
    console.error(`[ingest] enqueue failed for ${stored.id} (${error instanceof Error ? error.message : String(error)}); retrying shortly, and the sweeper will retry`);
    retryLater(() => deps.enqueue(stored.id, hint));
  });
  return reply(202, { status: "accepted", id: stored.id, deliveryId: parsed.deliveryId, events: parsed.events.length });
}
