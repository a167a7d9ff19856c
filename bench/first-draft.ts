import pg from "pg";
import { SECTION_NAMES } from "@/lib/drafting/types";
import type { BenchApp } from "./app-server";
import { waitForProcessing } from "./ingest";
import { buildPagerDutyDelivery, runPagerDutyLoad, type LoadResult } from "./pagerduty-load";
import { median, percentile } from "./stats";

export type FirstDraftPhase = { label: string; samples: number[]; p50Ms: number; p95Ms: number; maxMs: number; missing: number; load: LoadResult | null };
export type FirstDraftResult = {
  workers?: "separate" | "in-process";
  name: "first-draft";
  date: string;
  incidents: number;
  loadRate: number;
  idle: FirstDraftPhase;
  loaded: FirstDraftPhase;
  ratio: number;
  target: string;
  isMet: boolean;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `count` triggers for new incidents, one every `gapMs`, and polls until each has a complete
 * report draft: the time from the trigger's 2xx to the draft revision's creation.
 */
async function triggerAndWait(app: BenchApp, databaseUrl: string, label: string, count: number, gapMs: number): Promise<{ samples: number[]; missing: number }> {
  const sentAt = new Map<string, number>();
  const drafted = new Map<string, number>();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let sending = true;
  const sender = (async () => {
    for (let i = 0; i < count; i++) {
      // A service of its own, so the trigger opens a new incident rather than joining an open one.
      const delivery = buildPagerDutyDelivery({ pdIncidentId: `PFIRST${label}${i}`, title: `First draft ${label} #${i}: ledger 502s`, service: `ledger-${label}-${i}` });
      const response = await fetch(`${app.baseUrl}/api/webhooks/pagerduty`, { method: "POST", headers: delivery.headers, body: new Uint8Array(delivery.body) });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 202 || !body.id) throw new Error(`trigger ${i} answered ${response.status}`);
      sentAt.set(body.id, Date.now());
      await sleep(gapMs);
    }
    sending = false;
  })();
  const deadline = () => Date.now() > Math.max(...sentAt.values(), 0) + 60_000;
  const complete = SECTION_NAMES.map((name) => `'${name}'`).join(",");
  while (sending || (drafted.size < sentAt.size && !deadline())) {
    const pending = [...sentAt.keys()].filter((id) => !drafted.has(id));
    if (pending.length) {
      const { rows } = await client.query<{ raw_event_id: string; at: string }>(
        `SELECT t."rawEventId" AS raw_event_id, min(extract(epoch FROM r."createdAt") * 1000) AS at
           FROM "TimelineEntry" t JOIN "ReportRevision" r ON r."incidentId" = t."incidentId" AND r.kind = 'report'
          WHERE t."rawEventId" = ANY($1) AND r.number = 1 AND r.sections ?& array[${complete}] GROUP BY 1`,
        [pending],
      );
      for (const row of rows) drafted.set(row.raw_event_id, Number(row.at));
    }
    await sleep(50);
  }
  await sender;
  await client.end();
  // A first draft older than the trigger means it joined an incident already open: not a new one.
  const joined = [...sentAt].filter(([id, at]) => drafted.has(id) && drafted.get(id)! < at - 1000).length;
  if (joined > 0) throw new Error(`${joined} triggers joined an open incident instead of opening one`);
  const samples = [...sentAt].filter(([id]) => drafted.has(id)).map(([id, at]) => Math.max(0, drafted.get(id)! - at));
  return { samples, missing: sentAt.size - samples.length };
}

function summarise(label: string, outcome: { samples: number[]; missing: number }, load: LoadResult | null): FirstDraftPhase {
  const { samples, missing } = outcome;
  return { label, samples, p50Ms: median(samples), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples), missing, load };
}

/** Time to first draft over `incidents` new incidents, first on an idle app (the baseline), then under ingest at `loadRate`/s. */
export async function benchFirstDraft(app: BenchApp, databaseUrl: string, options: { incidents: number; loadRate: number }): Promise<FirstDraftResult> {
  await waitForProcessing(databaseUrl);
  const idle = summarise("idle", await triggerAndWait(app, databaseUrl, "idle", options.incidents, 200), null);
  const seconds = Math.ceil((options.incidents * 400) / 1000) + 6;
  const loadRun = runPagerDutyLoad(app.baseUrl, { connections: 50, seconds, rate: options.loadRate, runId: "first-draft-load" });
  await sleep(3000);
  const outcome = await triggerAndWait(app, databaseUrl, "loaded", options.incidents, 400);
  const loaded = summarise("loaded", outcome, await loadRun);
  return {
    name: "first-draft",
    workers: app.workers,
    date: new Date().toISOString(),
    incidents: options.incidents,
    loadRate: options.loadRate,
    idle,
    loaded,
    ratio: Number((loaded.p95Ms / idle.p95Ms).toFixed(2)),
    target: "p95 ≤ 2 s from the trigger's 2xx to a complete draft, under half the ingest load",
    isMet: loaded.p95Ms <= 2000 && loaded.missing === 0,
  };
}
