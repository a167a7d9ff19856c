import type { Db } from "@/lib/db";
import { applyAlertEvent } from "@/lib/ingest/apply-alert-event";
import { lockEventKeys } from "@/lib/ingest/find-incident-for-event";
import { findIntegrationCredentials } from "@/lib/ingest/find-integration-credentials";
import { parseJsonBody } from "@/lib/ingest/parse-json-body";
import { SENDERS, isWebhookSender } from "@/lib/ingest/senders";

export type ProcessOutcome = "processed" | "already-done" | "busy" | "missing" | "ignored" | "rejected";
/** The outcome, every incident the delivery touched (a grouped notification can touch several), and those it opened. */
export type ProcessResult = { outcome: ProcessOutcome; incidentIds: string[]; createdIncidentIds: string[] };
const only = (outcome: ProcessOutcome): ProcessResult => ({ outcome, incidentIds: [], createdIncidentIds: [] });
type LockedRawEvent = { state: string; sender: string; body: Uint8Array; headers: unknown };

/**
 * Normalises one stored delivery into incidents and timeline entries. Safe to run any number of
 * times, concurrently or after a crash: the row lock admits one worker, the raw event's state
 * and each entry's dedupe key make a second run change nothing. On failure the event is marked
 * failed with the reason and the error is rethrown so the job queue retries it.
 */
export async function processRawEvent(db: Db, rawEventId: string, options: { force?: boolean } = {}): Promise<ProcessResult> {
  try {
    return await db.$transaction(
      async (tx) => {
        // Lock and read in one round trip: under a storm every query per delivery counts.
        const [raw] = await tx.$queryRaw<LockedRawEvent[]>`SELECT "state", "sender", "body", "headers" FROM "RawEvent" WHERE "id" = ${rawEventId} FOR UPDATE SKIP LOCKED`;
        if (!raw) return only((await tx.rawEvent.count({ where: { id: rawEventId } })) ? "busy" : "missing");
        if (!options.force && (raw.state === "processed" || raw.state === "ignored" || raw.state === "rejected")) {
          // Still name the incidents: a job retried because its worker died after this commit has
          // their re-drafts to request, or the drafts never see this delivery's evidence.
          const touched = await tx.timelineEntry.findMany({ where: { rawEventId }, select: { incidentId: true }, distinct: ["incidentId"] });
          return { outcome: "already-done" as const, incidentIds: touched.map((t) => t.incidentId), createdIncidentIds: [] };
        }
        if (!isWebhookSender(raw.sender)) throw new Error(`Raw events from ${raw.sender} are not webhook deliveries.`);
        const json = parseJsonBody(Buffer.from(raw.body).toString("utf8"));
        if (!json.ok) throw new Error(json.message);
        const parsed = SENDERS[raw.sender].parse({ body: json.value, headers: raw.headers as Record<string, string> });
        if (!parsed.ok) {
          // Still not valid for this parser: it stays rejected (a later parser fix and replay may take it).
          await tx.rawEvent.update({ where: { id: rawEventId }, data: { state: "rejected", error: `${parsed.field}: ${parsed.message}`.slice(0, 2000) } });
          return only("rejected");
        }
        if (parsed.events.length === 0) {
          await tx.rawEvent.update({ where: { id: rawEventId }, data: { state: "ignored", ignoredReason: parsed.ignoredReason ?? null, processedAt: new Date() } });
          return only("ignored");
        }
        const credentials = await findIntegrationCredentials(tx, raw.sender);
        const ctx = {
          actor: { type: "integration", id: credentials.integrationId, label: `${SENDERS[raw.sender].label} webhook`, role: "RESPONDER" } as const,
          source: SENDERS[raw.sender].label,
          rawEventId,
          settings: credentials.settings,
          force: options.force,
          delivery: parsed.events,
        };
        // Take every lock this delivery needs up front, in one sorted order, so two grouped
        // notifications sharing alerts cannot deadlock.
        await lockEventKeys(tx, parsed.events);
        const incidentIds: string[] = [];
        const createdIncidentIds: string[] = [];
        for (const event of parsed.events) {
          const applied = await applyAlertEvent(tx, ctx, event);
          incidentIds.push(applied.incidentId);
          if (applied.created) createdIncidentIds.push(applied.incidentId);
        }
        const incidentId = incidentIds[incidentIds.length - 1] ?? null;
        await tx.rawEvent.update({
          where: { id: rawEventId },
          data: { state: "processed", processedAt: new Date(), attempts: { increment: 1 }, error: null, incidentId },
        });
        return { outcome: "processed" as const, incidentIds: [...new Set(incidentIds)], createdIncidentIds };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.rawEvent
      .update({ where: { id: rawEventId }, data: { state: "failed", attempts: { increment: 1 }, error: message.slice(0, 2000) } })
      .catch(() => {});
    throw error;
  }
}
