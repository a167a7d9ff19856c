import { getEnv } from "@/lib/env";
import { QUEUES, getBoss, type RawEventJob } from "@/lib/jobs";

/** Hands a stored delivery to the background workers (any app instance may pick it up). */
export async function enqueueRawEvent(rawEventId: string): Promise<void> {
  const boss = await getBoss(getEnv().DATABASE_URL);
  await boss.send(QUEUES.processRawEvent, { rawEventId } satisfies RawEventJob);
}
