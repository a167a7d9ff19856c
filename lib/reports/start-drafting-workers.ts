import type { Db } from "@/lib/db";
import { parseLlmConfig } from "@/lib/drafting/llm/config";
import { QUEUES, eachJob, getBoss, workOptions, type DraftJob } from "@/lib/jobs";
import { enqueueRedraft } from "@/lib/reports/enqueue-redraft";
import { redraftIncident } from "@/lib/reports/redraft-incident";

/** Re-drafts incidents when their evidence changes, and checks open incidents' status-update cadence every minute. */

export async function startDraftingWorkers(db: Db, connectionString: string): Promise<void> {
  const boss = await getBoss(connectionString);
  const llm = parseLlmConfig(process.env);
  await boss.work<DraftJob>(
    QUEUES.draftIncident,
    workOptions(2, 1),
    eachJob(async (job) => {
      await redraftIncident(db, job.data.incidentId, { llm, statusUpdateOnly: job.data.statusUpdateOnly === true });
    }),
  );
  await boss.schedule(QUEUES.sweepOpenIncidents, "* * * * *");
  await boss.work(QUEUES.sweepOpenIncidents, async () => {
    const open = await db.incident.findMany({ where: { status: { not: "resolved" }, mergedIntoId: null }, select: { id: true }, take: 500 });
    // Only the status updates can be due by the clock; the report changes only with its evidence.
    for (const { id } of open) await enqueueRedraft(id, { statusUpdateOnly: true });
  });
}
