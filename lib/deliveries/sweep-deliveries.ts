import type { Db } from "@/lib/db";
import { SENDING_LEASE_SECONDS } from "@/lib/deliveries/deliver-emails";

/**
 * Deliveries no job carries any more are queued again: "sending" ones whose worker died (lease
 * over), and queued ones untouched for longer than the longest retry backoff (5 minutes), which
 * means their job was lost. A delivery the sweep and a job both reach is still sent once: only one
 * of them can claim it.
 */
export async function sweepDeliveries(db: Db, enqueue: (ids: string[]) => Promise<void>): Promise<number> {
  const now = Date.now();
  const stale = await db.delivery.findMany({
    where: {
      OR: [
        { status: "sending", updatedAt: { lt: new Date(now - SENDING_LEASE_SECONDS * 1000) } },
        { status: "queued", updatedAt: { lt: new Date(now - 10 * 60_000) } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: 1000,
    select: { id: true },
  });
  if (stale.length > 0) await enqueue(stale.map((d) => d.id));
  return stale.length;
}
