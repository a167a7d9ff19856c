import type { DbTx } from "@/lib/db";

/** A heartbeat every 10 s; someone silent for longer than this has left. */
export const PRESENCE_WINDOW_MS = 30_000;

/** Who has these revisions open right now, with the section they are typing in. */
export async function listReviewPresence(db: DbTx, revisionIds: string[], now = new Date()) {
  if (revisionIds.length === 0) return [];
  const rows = await db.reviewPresence.findMany({
    where: { revisionId: { in: revisionIds }, lastSeenAt: { gt: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    select: { revisionId: true, userId: true, section: true, lastSeenAt: true, user: { select: { name: true } } },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((r) => ({ revisionId: r.revisionId, userId: r.userId, name: r.user.name, section: r.section, lastSeenAt: r.lastSeenAt.toISOString() }));
}
