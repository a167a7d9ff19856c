import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db";
import { handleWebhookRequest } from "@/lib/ingest/handle-webhook-request";
import { processRawEvent } from "@/lib/ingest/process-raw-event";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/webhooks");

export function readFixture(sender: string, name: string): Buffer {
  return readFileSync(path.join(FIXTURES, sender, name));
}

export function signPagerDuty(body: Buffer, secret: string): string {
  return `v1=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * Sends raw bytes through the webhook route's handler exactly as an HTTP request would arrive,
 * and runs whatever it enqueued, as the background worker would.
 */
export function createWebhookClient(db: Db) {
  const queue: string[] = [];
  const enqueue = async (id: string) => {
    queue.push(id);
  };
  return {
    queue,
    async post(sender: string, body: Buffer | string, headers: Record<string, string> = {}) {
      const request = new Request(`http://sitrep.test/api/webhooks/${sender}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : new Uint8Array(body),
      });
      const response = await handleWebhookRequest(request, sender, { db, enqueue });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; field?: string } } };
    },
    async drain() {
      while (queue.length) await processRawEvent(db, queue.shift()!);
    },
  };
}
