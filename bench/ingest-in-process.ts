import { createHistogram, performance } from "node:perf_hooks";
import { createDb } from "@/lib/db";
import { rawEventPriority } from "@/lib/ingest/enqueue-raw-event";
import { handleWebhookRequest } from "@/lib/ingest/handle-webhook-request";
import { QUEUES, getBoss, stopBoss, type RawEventJob } from "@/lib/jobs";
import { BENCH_PAGERDUTY_SECRET } from "./app-server";
import { buildPagerDutyDelivery, type LoadResult } from "./pagerduty-load";

/**
 * The webhook's own work without HTTP or Next.js: the route's handler called in this process at
 * the same concurrency (verify, store, enqueue). Where the app's figure falls short of this, the
 * cost is the framework's; where this falls short of the ceiling, it is ours.
 */
export async function runIngestInProcess(databaseUrl: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  process.env.PAGERDUTY_WEBHOOK_SECRETS = BENCH_PAGERDUTY_SECRET;
  const db = createDb(databaseUrl);
  const boss = await getBoss(databaseUrl);
  const enqueue = async (rawEventId: string, hint?: { isTrigger: boolean }) => void (await boss.send(QUEUES.processRawEvent, { rawEventId } satisfies RawEventJob, { priority: rawEventPriority(hint ?? {}) }));
  const histogram = createHistogram();
  let accepted = 0;
  let errors = 0;
  let seq = 0;
  const end = performance.now() + options.seconds * 1000;
  const sender = async () => {
    while (performance.now() < end) {
      const n = seq++ % 20;
      const delivery = buildPagerDutyDelivery({ pdIncidentId: `PINPROC${n}`, title: `In-process storm #${n}`, eventType: seq <= 20 ? "incident.triggered" : "incident.acknowledged" });
      const started = performance.now();
      const request = new Request("http://bench.local/api/webhooks/pagerduty", { method: "POST", headers: delivery.headers, body: new Uint8Array(delivery.body) });
      const response = await handleWebhookRequest(request, "pagerduty", { db, enqueue });
      await response.arrayBuffer();
      if (response.status === 202) {
        accepted++;
        histogram.record(Math.max(1, Math.round((performance.now() - started) * 1000)));
      } else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, sender));
  await stopBoss();
  await db.$disconnect();
  return { seconds: options.seconds, accepted, acceptedPerSecond: accepted / options.seconds, p50Ms: histogram.percentile(50) / 1000, p99Ms: histogram.percentile(99) / 1000, errors, statusCodes: {} };
}
