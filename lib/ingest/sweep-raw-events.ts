import type { DbTx } from "@/lib/db";

export const MAX_ATTEMPTS = 8;
const STALE_MS = 30_000;

/**
 * Finds deliveries that were stored but never processed (the app died between storing and
 * enqueueing, or a job ran out of retries while the database was down) and re-enqueues them.
 */
export async function sweepRawEvents(db: DbTx, enqueue: (rawEventId: string) => Promise<void>, now = new Date()): Promise<number> {
  const stale = await db.rawEvent.findMany({
    where: { state: { in: ["received", "failed"] }, attempts: { lt: MAX_ATTEMPTS }, receivedAt: { lt: new Date(now.getTime() - STALE_MS) } },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
    take: 500,
  });
  for (const { id } of stale) await enqueue(id);
  return stale.length;
}
