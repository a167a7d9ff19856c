import type { Sender } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db";
import { processRawEvent, type ProcessOutcome } from "@/lib/ingest/process-raw-event";

export type ReplaySummary = { total: number } & Partial<Record<ProcessOutcome | "failed", number>>;

/**
 * Re-processes stored deliveries in arrival order, e.g. after a parser fix. Processing is
 * idempotent (dedupe keys), so a replay adds what was missing and duplicates nothing.
 */
export async function replayRawEvents(db: Db, options: { since?: Date; sender?: Sender; onProgress?: (done: number, total: number) => void } = {}): Promise<ReplaySummary> {
  const events = await db.rawEvent.findMany({
    where: { ...(options.since && { receivedAt: { gte: options.since } }), ...(options.sender && { sender: options.sender }) },
    orderBy: { receivedAt: "asc" },
    select: { id: true },
  });
  const summary: ReplaySummary = { total: events.length };
  for (const [index, { id }] of events.entries()) {
    let outcome: ProcessOutcome | "failed";
    try {
      outcome = await processRawEvent(db, id, { force: true });
    } catch {
      outcome = "failed";
    }
    summary[outcome] = (summary[outcome] ?? 0) + 1;
    options.onProgress?.(index + 1, events.length);
  }
  return summary;
}

/** "24h", "90m", "7d" or an ISO date → a Date. */
export function parseSince(value: string, now = new Date()): Date | null {
  const relative = /^(\d+)([mhd])$/.exec(value.trim());
  if (relative) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as "m" | "h" | "d"];
    return new Date(now.getTime() - Number(relative[1]) * unit);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
