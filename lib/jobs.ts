import { PgBoss, type Job, type JobResult, type Queue } from "pg-boss";

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

/**
 * A worker's job must say it is alive this often, or the supervisor fails it and it is retried on
 * an instance that is: a SIGKILLed instance's jobs come back within a minute, not when they
 * expire (15 minutes by default; ten for email).
 */
export const JOB_HEARTBEAT_SECONDS = 20;

/**
 * How every job worker fetches. Left to pg-boss's defaults, a worker on a NOTIFY queue sleeps 30 s
 * between fetches unless a NOTIFY wakes it, and takes one job per fetch, so a backlog that no new
 * job announces (a burst that outran the workers, the listener reconnecting after a database
 * restart) drained at a few jobs per half-minute. So the backstop poll is 2 s, and a worker keeps
 * fetching while there is more: while batches come back full, or, for long jobs fetched one at a
 * time (a job's expiry runs from its fetch), while the queue's cached backlog says so.
 */
export function workOptions(localConcurrency: number, batchSize: number) {
  const burst = batchSize > 1 ? { burstWhenBatchFull: true } : { burstWhenReadyExceeds: 1 };
  return { localConcurrency, batchSize, perJobResults: true as const, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2, ...burst };
}

/** A batch handler that runs its jobs one by one: a job that throws is failed (and retried) alone. */
export function eachJob<T>(run: (job: Job<T>) => Promise<void>): (jobs: Job<T>[]) => Promise<JobResult[]> {
  return async (jobs) => {
    const results: JobResult[] = [];
    for (const job of jobs) {
      try {
        await run(job);
        results.push({ id: job.id, status: "completed" });
      } catch (error) {
        results.push({ id: job.id, status: "failed", output: { message: error instanceof Error ? error.message : String(error) } });
      }
    }
    return results;
  };
}

const holder = globalThis as unknown as { sitrepBoss?: Promise<PgBoss> };

/** Creates a worker queue, and gives one made by an older release its heartbeat (createQueue leaves an existing queue as it was). */
async function createWorkerQueue(boss: PgBoss, name: string, options: Omit<Queue, "name" | "heartbeatSeconds">): Promise<void> {
  await boss.createQueue(name, { ...options, heartbeatSeconds: JOB_HEARTBEAT_SECONDS });
  await boss.updateQueue(name, { heartbeatSeconds: JOB_HEARTBEAT_SECONDS });
}

async function startBoss(connectionString: string): Promise<PgBoss> {
  // LISTEN/NOTIFY wakes a worker the moment a job is sent; polling stays as the backstop. The
  // supervisor looks for jobs whose heartbeat stopped every 20 s (pg-boss's default is a minute).
  const boss = new PgBoss({ connectionString, useListenNotify: true, max: 4, superviseIntervalSeconds: 20, monitorIntervalSeconds: 20 });
  boss.on("error", (error) => console.error("[jobs]", error instanceof Error ? error.message : error));
  await boss.start();
  await createWorkerQueue(boss, QUEUES.processRawEvent, { notify: true, retryLimit: 8, retryDelay: 1, retryBackoff: true, retryDelayMax: 300 });
  await boss.createQueue(QUEUES.sweepRawEvents, {});
  // One queued and one running re-draft per incident (singletonKey): a burst of evidence costs two drafts, not one each.
  // A hung draft expires in two minutes, not pg-boss's default fifteen, so it cannot block re-drafts for long (a crashed worker's, sooner: the heartbeat).
  await createWorkerQueue(boss, QUEUES.draftIncident, { notify: true, policy: "stately", retryLimit: 3, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 });
  await boss.createQueue(QUEUES.sweepOpenIncidents, {});
  // Backoff from 5 s to 5 min over twelve tries: a provider down for half an hour still gets everything, once.
  // (EMAIL_RETRY_DELAY_SECONDS changes the first delay; the delivery workers set it.)
  // A job may run for 25 recipients × a 15 s timeout, so it expires only after ten minutes; the heartbeat catches a dead worker sooner.
  await createWorkerQueue(boss, QUEUES.sendEmail, { notify: true, retryLimit: DELIVERY_RETRY_LIMIT, retryDelay: 5, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 600 });
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
