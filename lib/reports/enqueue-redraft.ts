import { getEnv } from "@/lib/env";
import { QUEUES, getBoss, type DraftJob } from "@/lib/jobs";

type RedraftOptions = { statusUpdateOnly?: boolean; connectionString?: string; afterSeconds?: number };

/**
 * How long an incident that has a draft already waits before its re-draft, so an alert storm's
 * hundreds of events make one re-draft every few seconds rather than one each (the singleton key
 * folds every request made meanwhile into the waiting job). A new incident's first draft never waits.
 */
export const REDRAFT_COALESCE_SECONDS = 3;

/** Asks a background worker (any instance) to re-draft the incident soon; throws when the queue cannot take it. */
export async function requestRedraft(incidentId: string, options: RedraftOptions = {}): Promise<void> {
  // The CLI (an MCP client over stdio) names its database; the app reads its environment.
  const boss = await getBoss(options.connectionString ?? getEnv().DATABASE_URL);
  // Status-only sweeps get their own key so they never take the place of an evidence-driven re-draft.
  const key = options.statusUpdateOnly ? `${incidentId}:status` : incidentId;
  // New evidence goes ahead of the minute's status-update sweep (every open incident at once), so a
  // new incident's first draft never waits behind the clock. pg-boss fetches higher priorities first.
  await boss.send(QUEUES.draftIncident, { incidentId, statusUpdateOnly: options.statusUpdateOnly } satisfies DraftJob, { singletonKey: key, priority: options.statusUpdateOnly ? 0 : 10, ...(options.afterSeconds ? { startAfter: options.afterSeconds } : {}) });
}

/** As requestRedraft, for callers whose change is saved already: a failure is logged, not thrown. */
export async function enqueueRedraft(incidentId: string, options: RedraftOptions = {}): Promise<void> {
  try {
    await requestRedraft(incidentId, options);
  } catch (error) {
    console.error(`[drafting] could not enqueue a re-draft of ${incidentId}`, error instanceof Error ? error.message : error);
  }
}
