import { getEnv } from "@/lib/env";
import { QUEUES, getBoss, type RawEventJob } from "@/lib/jobs";

/** A trigger (it may open an incident) goes ahead of updates to open ones. */
export const rawEventPriority = (options: { isTrigger?: boolean }) => (options.isTrigger ? 10 : 0);

/** Hands a stored delivery to the background workers (any app instance may pick it up). */
export async function enqueueRawEvent(rawEventId: string, options: { isTrigger?: boolean } = {}): Promise<void> {
  const boss = await getBoss(getEnv().DATABASE_URL);
  await boss.send(QUEUES.processRawEvent, { rawEventId } satisfies RawEventJob, { priority: rawEventPriority(options) });
}
