import type { Db } from "@/lib/db";
import { enqueueRawEvent } from "@/lib/ingest/enqueue-raw-event";
import { processRawEvent } from "@/lib/ingest/process-raw-event";
import { sweepRawEvents } from "@/lib/ingest/sweep-raw-events";
import { QUEUES, eachJob, getBoss, workOptions, type RawEventJob } from "@/lib/jobs";
import { REDRAFT_COALESCE_SECONDS, requestRedraft } from "@/lib/reports/enqueue-redraft";

/**
 * Runs in every app instance: pg-boss hands each job to exactly one of them, so instances can be
 * added or killed freely. The sweep runs every minute and once at start-up.
 */
export async function startIngestWorkers(db: Db, connectionString: string): Promise<void> {
  const boss = await getBoss(connectionString);
  await boss.work<RawEventJob>(
    QUEUES.processRawEvent,
    workOptions(4, 4),
    eachJob(async (job) => {
      const { outcome, incidentIds, createdIncidentIds } = await processRawEvent(db, job.data.rawEventId);
      // A re-draft that cannot be queued fails the job: its retry finds the delivery done and asks again.
      for (const incidentId of incidentIds) {
        // A new incident's first draft starts at once; the rest coalesce. A retry cannot tell who
        // created the incident, so it asks the database.
        const isFirst = outcome === "already-done" ? !(await db.reportRevision.findFirst({ where: { incidentId, kind: "report" }, select: { id: true } })) : createdIncidentIds.includes(incidentId);
        await requestRedraft(incidentId, { afterSeconds: isFirst ? 0 : REDRAFT_COALESCE_SECONDS });
      }
    }),
  );
  await boss.schedule(QUEUES.sweepRawEvents, "* * * * *");
  await boss.work(QUEUES.sweepRawEvents, async () => {
    await sweepRawEvents(db, enqueueRawEvent);
  });
  await sweepRawEvents(db, enqueueRawEvent).catch((error: unknown) => console.error("[ingest] start-up sweep failed", error));
}
