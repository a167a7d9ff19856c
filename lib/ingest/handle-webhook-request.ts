import { randomUUID } from "node:crypto";
import { isDatabaseUnavailable } from "@/lib/database/is-database-unavailable";
import { getDb, type Db } from "@/lib/db";
import { enqueueRawEvent } from "@/lib/ingest/enqueue-raw-event";
import { receiveWebhook } from "@/lib/ingest/receive-webhook";

/**
 * The webhook route's whole job, with its error mapping: a database outage answers 503 with
 * Retry-After so the sender tries again and nothing is lost.
 */
export async function handleWebhookRequest(
  request: Request,
  sender: string,
  deps?: { db: Db; enqueue: (rawEventId: string, options?: { isTrigger: boolean }) => Promise<void> },
): Promise<Response> {
  const requestId = randomUUID();
  try {
    const result = await receiveWebhook(deps ?? { db: getDb(), enqueue: enqueueRawEvent }, { sender, request });
    // A sender's set-up gone wrong shows here first; the reason names what was wrong, never a credential.
    if (result.status === 401) console.warn(`[ingest] ${requestId}: ${sender} delivery refused: ${(result.body.error as { message?: string } | undefined)?.message ?? "unauthenticated"}`);
    return Response.json({ ...result.body, requestId }, { status: result.status, headers: { "x-request-id": requestId, ...result.headers } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(`[ingest] ${requestId}: database unavailable, asked ${sender} to retry`);
      return Response.json(
        { error: { code: "UNAVAILABLE", message: "Storage is unavailable; retry shortly. Nothing was stored.", requestId } },
        { status: 503, headers: { "retry-after": "5", "x-request-id": requestId } },
      );
    }
    console.error(`[ingest] ${requestId} failed`, error);
    return Response.json({ error: { code: "INTERNAL", message: "Unexpected error; it has been logged. Retry later.", requestId } }, { status: 500 });
  }
}
