import { createHmac } from "node:crypto";
import { sleep } from "./wait-until";

export type Delivery = { sender: "pagerduty" | "alertmanager"; deliveryId: string; body: Buffer };
export type SendResult = { status: number; attempts: number; target: string; answer: Record<string, unknown> };
export type SenderStats = { attempts: number; retries: number; byReason: Record<string, number> };

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

function headersFor(delivery: Delivery, secrets: { pagerduty: string; alertmanager: string }): Record<string, string> {
  if (delivery.sender === "pagerduty") return { "x-pagerduty-signature": `v1=${createHmac("sha256", secrets.pagerduty).update(delivery.body).digest("hex")}` };
  return { authorization: `Bearer ${secrets.alertmanager}` };
}

/**
 * Posts one delivery as PagerDuty (and Alertmanager) do: at least once. A 5xx, 429, timeout or
 * connection error is retried after a short, growing, jittered pause, moving to the next target
 * each time (an instance that died is failed over); any other answer is final. A 4xx other than
 * 408/429 is a test failure: the app refused a valid delivery.
 */
export async function deliverWithRetries(
  targets: string[],
  delivery: Delivery,
  options: { secrets: { pagerduty: string; alertmanager: string }; stats: SenderStats; timeoutMs?: number; giveUpAfterMs?: number; first?: number },
): Promise<SendResult> {
  const started = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    const target = targets[((options.first ?? 0) + attempt) % targets.length]!;
    options.stats.attempts += 1;
    let reason: string;
    try {
      const response = await fetch(`${target}/api/webhooks/${delivery.sender}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headersFor(delivery, options.secrets) },
        body: new Uint8Array(delivery.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (response.ok) return { status: response.status, attempts: attempt + 1, target, answer };
      if (!RETRYABLE(response.status)) throw new Error(`${delivery.sender} delivery ${delivery.deliveryId} refused with ${response.status}: ${JSON.stringify(answer)}`);
      reason = String(response.status);
    } catch (error) {
      if (error instanceof Error && error.message.includes("refused with")) throw error;
      reason = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "connection";
    }
    options.stats.retries += 1;
    options.stats.byReason[reason] = (options.stats.byReason[reason] ?? 0) + 1;
    if (Date.now() - started > (options.giveUpAfterMs ?? 120_000)) throw new Error(`${delivery.sender} delivery ${delivery.deliveryId} never accepted after ${attempt + 1} attempts (last: ${reason})`);
    await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
  }
}

export const createSenderStats = (): SenderStats => ({ attempts: 0, retries: 0, byReason: {} });

/**
 * `concurrency` senders take deliveries from one shared list until it is empty, each from its
 * own first target (so load is split between instances). Resolves with every delivery's result.
 */
export async function sendAtLoad(
  targets: string[],
  deliveries: Delivery[],
  options: { concurrency: number; secrets: { pagerduty: string; alertmanager: string }; stats: SenderStats; onAccepted?: (count: number) => void },
): Promise<SendResult[]> {
  const results: SendResult[] = new Array(deliveries.length);
  let next = 0;
  let accepted = 0;
  const sender = async (index: number) => {
    while (next < deliveries.length) {
      const position = next++;
      results[position] = await deliverWithRetries(targets, deliveries[position]!, { secrets: options.secrets, stats: options.stats, first: index % targets.length });
      accepted += 1;
      options.onAccepted?.(accepted);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => sender(index)));
  return results;
}
