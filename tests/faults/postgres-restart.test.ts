import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { ALERTMANAGER_TOKEN, PAGERDUTY_SECRET, startFaultApp, type FaultApp } from "./helpers/fault-app";
import { startFaultDatabase, type FaultDatabase } from "./helpers/fault-database";
import { buildStories, shuffle } from "./helpers/fault-stories";
import { describeDelivery, findUndraftedIncidents, readRawEvents, readStoryTimelines } from "./helpers/ingest-state";
import { createPhaseLog, waitUntil } from "./helpers/wait-until";
import { createSenderStats, sendAtLoad } from "./helpers/webhook-sender";

// PostgreSQL goes away (a fast shutdown cuts every connection) and comes back while 30 senders
// post signed PagerDuty webhooks. Nothing may be lost or doubled.
const PG_PORT = 54401;
const APP_PORT = 3321;
const SECRETS = { pagerduty: PAGERDUTY_SECRET, alertmanager: ALERTMANAGER_TOKEN };

let database: FaultDatabase;
let app: FaultApp | undefined;
let db: Db;

beforeAll(async () => {
  database = await startFaultDatabase(PG_PORT);
  const url = await database.createDatabase("sitrep");
  db = createDb(url);
  app = await startFaultApp({ port: APP_PORT, databaseUrl: url });
});

afterAll(async () => {
  await app?.stop();
  await db?.$disconnect();
  await database?.destroy();
});

it("loses and doubles nothing when PostgreSQL restarts under load, and every timeline is complete", async () => {
  const phase = createPhaseLog("postgres-restart");
  const stories = buildStories(randomBytes(3).toString("hex"), 60);
  // Delivery order is shuffled across stories and within them: out of order is normal.
  const deliveries = shuffle(stories.flatMap((s) => s.deliveries), 8);
  const stats = createSenderStats();
  let restart: Promise<void> | undefined;
  let acceptedBeforeRestart = 0;
  const results = await sendAtLoad([app!.url], deliveries, {
    concurrency: 30,
    secrets: SECRETS,
    stats,
    onAccepted: (count) => {
      if (restart || count < deliveries.length / 4) return;
      acceptedBeforeRestart = count;
      phase(`restarting PostgreSQL after ${count} accepted`);
      restart = database.restart(3000).then(() => phase("PostgreSQL is back"));
    },
  });
  await restart;
  phase(`all ${deliveries.length} accepted; ${stats.retries} retries ${JSON.stringify(stats.byReason)}`);

  // The restart landed mid-load: deliveries were accepted before it and after it, and senders had to retry.
  expect(acceptedBeforeRestart).toBeGreaterThan(0);
  expect(acceptedBeforeRestart).toBeLessThan(deliveries.length);
  expect(stats.retries, `retries by reason: ${JSON.stringify(stats.byReason)}`).toBeGreaterThan(0);
  expect(results.every((r) => r.status === 202 || r.status === 200)).toBe(true);

  await waitUntil("every stored delivery to be processed", async () => ((await readRawEvents(db)).states.processed === deliveries.length ? true : undefined), {
    timeoutMs: 150_000,
    intervalMs: 1000,
    describe: async () => `raw events: ${JSON.stringify((await readRawEvents(db)).states)} of ${deliveries.length}; app log: ${app!.logFile}`,
  });

  phase("all processed");
  // The stored set is the sent set: each delivery once, byte for byte, and all processed.
  const stored = await readRawEvents(db);
  expect(stored.deliveries).toEqual(deliveries.map(describeDelivery).sort());
  expect(stored.states).toEqual({ processed: deliveries.length });
  // Every story is one incident whose timeline holds each of its events exactly once, and it ended resolved.
  expect(await db.incident.count()).toBe(stories.length);
  for (const story of await readStoryTimelines(db, stories)) expect(story).toEqual({ story: story.story, status: "resolved", timeline: story.expected, expected: story.expected });
  expect(await db.timelineEntry.count()).toBe(deliveries.length);
  // No re-draft was lost to the outage: every incident's drafts caught up with its last event.
  await waitUntil("every incident's drafts to catch up", async () => ((await findUndraftedIncidents(db)).length === 0 ? true : undefined), {
    timeoutMs: 60_000,
    intervalMs: 1000,
    describe: async () => `behind: ${JSON.stringify(await findUndraftedIncidents(db))}; app log: ${app!.logFile}`,
  });
  phase("drafts caught up");
});
