import type { Db } from "@/lib/db";

/** Deliveries still queued (or stuck "sending" after a crash) that no job has touched for two minutes are queued again. */
export async function sweepDeliveries(db: Db, enqueue: (ids: string[]) => Promise<void>): Promise<number> {
  const stale = await db.delivery.findMany({
    where: { status: { in: ["queued", "sending"] }, updatedAt: { lt: new Date(Date.now() - 120_000) } },
    orderBy: { createdAt: "asc" },
    take: 1000,
    select: { id: true },
  });
  if (stale.length > 0) await enqueue(stale.map((d) => d.id));
  return stale.length;
}
