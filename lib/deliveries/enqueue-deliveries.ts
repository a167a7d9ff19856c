import { getEnv } from "@/lib/env";
import { QUEUES, getBoss, type DeliveryJob } from "@/lib/jobs";

const DELIVERY_BATCH = 25;

/**
 * Queues deliveries for the background senders, a batch per job. A failure here loses nothing:
 * the rows are committed as queued, and the delivery sweep picks up any that no job carries.
 */
export async function enqueueDeliveries(ids: string[]): Promise<void> {
  try {
    const boss = await getBoss(getEnv().DATABASE_URL);
    for (let i = 0; i < ids.length; i += DELIVERY_BATCH) {
      const batch = ids.slice(i, i + DELIVERY_BATCH);
      await boss.send(QUEUES.sendEmail, { deliveryIds: batch } satisfies DeliveryJob);
    }
  } catch (error) {
    console.error(`[email] could not queue ${ids.length} deliveries; the sweep will`, error instanceof Error ? error.message : error);
  }
}
