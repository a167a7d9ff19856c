import type { Sender } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { processRawEvent, type ProcessOutcome } from "@/lib/ingest/process-raw-event";

export type ReplaySummary = { total: number } & Partial<Record<ProcessOutcome | "failed", number>>;

/**
 * Re-processes stored deliveries in arrival order, e.g. after a parser fix. Processing is
 * idempotent (dedupe keys), so a replay adds what was missing and duplicates nothing.
 */
export async function replayRawEvents(db: Db, options: { actor?: Pick<Actor, "type" | "id" | "label">; since?: Date; sender?: Sender; onProgress?: (done: number, total: number) => void } = {}): Promise<ReplaySummary> {
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
  // Each delivery is re-processed in a transaction of its own (and audits what it changes, as the
  // integration); the replay itself, who ran it and what it did, is one event once it is done.
  if (options.actor) {
    const actor = options.actor;
    await db.$transaction((tx) =>
      recordAuditEvent(tx, actor, { action: "raw_event.replay", targetType: "RawEvent", after: { since: options.since ?? null, sender: options.sender ?? null, ...summary } }),
    );
  }
  return summary;
}
