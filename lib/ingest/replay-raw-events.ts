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
      outcome = (await processRawEvent(db, id, { force: true })).outcome;
    } catch {
      outcome = "failed";
    }
    summary[outcome] = (summary[outcome] ?? 0) + 1;
    options.onProgress?.(index + 1, events.length);
  }
  return summary;
}
