import { getEnv } from "@/lib/env";
import { QUEUES, getBoss, type DraftJob } from "@/lib/jobs";

/** Asks a background worker (any instance) to re-draft the incident soon. Failures are logged, not thrown: the change itself is saved. */
export async function enqueueRedraft(incidentId: string): Promise<void> {
  try {
    const boss = await getBoss(getEnv().DATABASE_URL);
    await boss.send(QUEUES.draftIncident, { incidentId } satisfies DraftJob, { singletonKey: incidentId });
  } catch (error) {
    console.error(`[drafting] could not enqueue a re-draft of ${incidentId}`, error instanceof Error ? error.message : error);
  }
}
