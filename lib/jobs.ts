import { PgBoss, type Job, type JobResult } from "pg-boss";

/** Queue names: one place, so senders and workers cannot drift apart. */
export const QUEUES = {
  processRawEvent: "ingest-process-raw-event",
  sweepRawEvents: "ingest-sweep-raw-events",
  draftIncident: "draft-incident",
  sweepOpenIncidents: "draft-sweep-open-incidents",
  sendEmail: "email-send-deliveries",
  sweepDeliveries: "email-sweep-deliveries",
} as const;

/** Tries per delivery job before the remaining recipients are marked failed (dead-lettered) with the reason. */
export const DELIVERY_RETRY_LIMIT = 12;

export type RawEventJob = { rawEventId: string };
export type DraftJob = { incidentId: string; statusUpdateOnly?: boolean };
export type DeliveryJob = { deliveryIds: string[] };

const holder = globalThis as unknown as { sitrepBoss?: Promise<PgBoss> };

async function startBoss(connectionString: string): Promise<PgBoss> {
  // LISTEN/NOTIFY wakes a worker the moment a job is sent; polling stays as the backstop.
  const boss = new PgBoss({ connectionString, useListenNotify: true, max: 4 });
  boss.on("error", (error) => console.error("[jobs]", error instanceof Error ? error.message : error));
  await boss.start();
  await boss.createQueue(QUEUES.processRawEvent, { notify: true, retryLimit: 8, retryDelay: 1, retryBackoff: true, retryDelayMax: 300 });
  await boss.createQueue(QUEUES.sweepRawEvents, {});
  // One queued and one running re-draft per incident (singletonKey): a burst of evidence costs two drafts, not one each.
  // A crashed worker's job expires in two minutes, not pg-boss's default fifteen, so it cannot block re-drafts for long.
  await boss.createQueue(QUEUES.draftIncident, { notify: true, policy: "stately", retryLimit: 3, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 });
  await boss.createQueue(QUEUES.sweepOpenIncidents, {});
  // Backoff from 5 s to 5 min over twelve tries: a provider down for half an hour still gets everything, once.
  // A job may run for 25 recipients × a 15 s timeout, so it expires only after ten minutes.
  await boss.createQueue(QUEUES.sendEmail, { notify: true, retryLimit: DELIVERY_RETRY_LIMIT, retryDelay: 5, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 600 });
  await boss.createQueue(QUEUES.sweepDeliveries, {});
  return boss;
}

/** The process's one pg-boss instance (kept across hot reloads in development). */
export function getBoss(connectionString: string): Promise<PgBoss> {
  holder.sitrepBoss ??= startBoss(connectionString).catch((error: unknown) => {
    holder.sitrepBoss = undefined;
    throw error;
  });
  return holder.sitrepBoss;
}

export async function stopBoss(): Promise<void> {
  const boss = await holder.sitrepBoss?.catch(() => undefined);
  holder.sitrepBoss = undefined;
  await boss?.stop({ graceful: true, timeout: 5000 });
}

/**
 * Runs `handle` for each job of a queue, in every app instance. pg-boss 12 waits a whole polling
 * interval after every fetch (30 s while LISTEN/NOTIFY is up) unless a fetch comes back full, so a
 * backlog left after a burst drained at a few jobs per half minute; fetching batches with
 * burstWhenBatchFull keeps pulling while there is work. Each job succeeds or fails on its own, so
 * one bad job does not send its batch-mates back for a retry.
 */
export async function workEach<T extends object>(
  boss: PgBoss,
  queue: string,
  options: { localConcurrency: number; batchSize: number },
  handle: (job: Job<T>) => Promise<void>,
): Promise<void> {
  await boss.work<T>(queue, { ...options, pollingIntervalSeconds: 2, burstWhenBatchFull: true, perJobResults: true }, async (jobs) => {
    const results: JobResult[] = [];
    for (const job of jobs) {
      try {
        await handle(job);
        results.push({ id: job.id, status: "completed" });
      } catch (error) {
        console.error(`[jobs] ${queue} job ${job.id} failed; pg-boss retries it`, error instanceof Error ? error.message : error);
        results.push({ id: job.id, status: "failed", output: { message: error instanceof Error ? error.message : String(error) } });
      }
    }
    return results;
  });
}
