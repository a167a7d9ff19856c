import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { ALERTMANAGER_TOKEN, PAGERDUTY_SECRET, startFaultApps, type FaultApp } from "./helpers/fault-app";
import { startFaultDatabase, type FaultDatabase } from "./helpers/fault-database";
import { buildStories, pagerDutyNote, shuffle } from "./helpers/fault-stories";
import { projectIngest, readRawEvents } from "./helpers/ingest-state";
import { createPhaseLog, waitUntil } from "./helpers/wait-until";
import { createSenderStats, deliverWithRetries, sendAtLoad, type Delivery, type SendResult } from "./helpers/webhook-sender";

// PagerDuty and Alertmanager deliveries arrive duplicated (copies racing each other), shuffled and,
// once everything is processed, replayed. The result must equal what the same facts give when each
// is sent once, in order, into a second fresh database.
const PG_PORT = 54404;
const CHAOS_PORT = 3324;
const REFERENCE_PORT = 3325;
const SECRETS = { pagerduty: PAGERDUTY_SECRET, alertmanager: ALERTMANAGER_TOKEN };

let database: FaultDatabase;
let chaos: { app: FaultApp; db: Db } | undefined;
let reference: { app: FaultApp; db: Db } | undefined;

beforeAll(async () => {
  database = await startFaultDatabase(PG_PORT);
  const chaosUrl = await database.createDatabase("sitrep_chaos");
  const referenceUrl = await database.copyDatabase("sitrep_chaos", "sitrep_reference");
  const [chaosApp, referenceApp] = await startFaultApps([
    { port: CHAOS_PORT, databaseUrl: chaosUrl },
    { port: REFERENCE_PORT, databaseUrl: referenceUrl },
  ]);
  chaos = { app: chaosApp!, db: createDb(chaosUrl) };
  reference = { app: referenceApp!, db: createDb(referenceUrl) };
});

afterAll(async () => {
  await Promise.all([chaos?.app.stop(), reference?.app.stop()]);
  await Promise.all([chaos?.db.$disconnect(), reference?.db.$disconnect()]);
  await database?.destroy();
});

const waitProcessed = (target: { app: FaultApp; db: Db }, count: number) =>
  waitUntil(`${count} deliveries processed`, async () => ((await readRawEvents(target.db)).states.processed === count ? true : undefined), {
    timeoutMs: 120_000,
    intervalMs: 500,
    describe: async () => `raw events: ${JSON.stringify((await readRawEvents(target.db)).states)}; app log: ${target.app.logFile}`,
  });

/** How often each delivery was answered 202 (stored) and 200 (recognised as a duplicate). */
function tally(deliveries: Delivery[], results: SendResult[]) {
  const counts = new Map<string, { accepted: number; duplicate: number }>();
  deliveries.forEach((d, i) => {
    const entry = counts.get(`${d.sender}|${d.deliveryId}`) ?? { accepted: 0, duplicate: 0 };
    if (results[i]!.status === 202) entry.accepted += 1;
    else if (results[i]!.status === 200 && results[i]!.answer.status === "duplicate") entry.duplicate += 1;
    counts.set(`${d.sender}|${d.deliveryId}`, entry);
  });
  return counts;
}

it("ends in the same state from duplicated, shuffled and replayed deliveries as from each sent once in order", async () => {
  const phase = createPhaseLog("duplicate-out-of-order");
  // No PagerDuty notes here: one that arrives before every other event of its incident opens an
  // incident without a service, which the Alertmanager alert then cannot find (the known gap below).
  const stories = buildStories(randomBytes(3).toString("hex"), 24, { withAlertmanager: true, withNote: false });
  const unique = stories.flatMap((s) => s.deliveries);
  // Four in ten deliveries twice, the copies shuffled in among the rest (30 senders: often at the same moment).
  const withCopies = shuffle([...unique, ...shuffle(unique, 11).slice(0, Math.floor(unique.length * 0.4))], 12);
  const stats = createSenderStats();
  const first = await sendAtLoad([chaos!.app.url], withCopies, { concurrency: 30, secrets: SECRETS, stats });
  phase(`${withCopies.length} sent (${unique.length} distinct)`);
  await waitProcessed(chaos!, unique.length);
  phase("all processed");
  // Replayed later, after processing: every one is recognised and changes nothing.
  const replays = shuffle(unique, 13).slice(0, Math.floor(unique.length * 0.3));
  const replayed = await sendAtLoad([chaos!.app.url], replays, { concurrency: 30, secrets: SECRETS, stats });
  expect(replayed.map((r) => [r.status, r.answer.status])).toEqual(replays.map(() => [200, "duplicate"]));

  phase(`${replays.length} replays answered`);
  // Each delivery was stored by exactly one request; every other copy was answered as a duplicate.
  const counts = tally(withCopies, first);
  expect(counts.size).toBe(unique.length);
  for (const [delivery, { accepted, duplicate }] of counts) expect({ delivery, accepted, total: accepted + duplicate }).toEqual({ delivery, accepted: 1, total: withCopies.filter((d) => `${d.sender}|${d.deliveryId}` === delivery).length });

  // The reference: each delivery once, in order, each processed before the next (stories side by side).
  let nextStory = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (nextStory < stories.length) {
        const story = stories[nextStory++]!;
        for (const delivery of story.deliveries) {
          expect((await deliverWithRetries([reference!.app.url], delivery, { secrets: SECRETS, stats })).status).toBe(202);
          await waitUntil(`${delivery.deliveryId} to be processed`, async () => ((await reference!.db.rawEvent.findFirst({ where: { sender: delivery.sender, deliveryId: delivery.deliveryId, state: "processed" } })) ? true : undefined), { timeoutMs: 30_000, intervalMs: 50 });
        }
      }
    }),
  );
  await waitProcessed(reference!, unique.length);
  phase("reference sent in order");

  const [chaosState, referenceState] = await Promise.all([projectIngest(chaos!.db), projectIngest(reference!.db)]);
  expect(chaosState.incidents).toHaveLength(stories.length);
  expect(chaosState.incidents.every((i) => i.status === "resolved" && i.timeline.length === 6)).toBe(true);
  expect(chaosState).toEqual(referenceState);
});

// KNOWN GAP, pinned so that fixing it shows: `it.fails` passes while the bug is there. A PagerDuty
// note carries no service, so when it is the first word about its incident that incident has no
// service; an Alertmanager alert on the service, arriving next, opens an incident of its own, and
// the PagerDuty trigger that follows joins the note's by its key. Sent in order (trigger first)
// the three are one incident. Closing it needs re-correlation when an incident learns a service
// (an automatic merge), which is a product decision, not a one-line fix.
it.fails("KNOWN GAP: a PagerDuty note that arrives first keeps a later Alertmanager alert on the same outage out of its incident", async () => {
  const [story] = buildStories(`gap${randomBytes(2).toString("hex")}`, 1, { withAlertmanager: true, withNote: false });
  const trigger = story!.deliveries.find((d) => d.deliveryId.endsWith("T"))!;
  const firing = story!.deliveries.find((d) => d.sender === "alertmanager")!;
  const note = pagerDutyNote("gap", 0, new Date(Date.now() - 3 * 3_600_000 + 5 * 60_000), story!);
  for (const delivery of [note, firing, trigger]) {
    expect((await deliverWithRetries([chaos!.app.url], delivery, { secrets: SECRETS, stats: createSenderStats() })).status).toBe(202);
    await waitUntil(`${delivery.deliveryId} to be processed`, async () => ((await chaos!.db.rawEvent.findFirst({ where: { sender: delivery.sender, deliveryId: delivery.deliveryId, state: "processed" } })) ? true : undefined), { timeoutMs: 30_000, intervalMs: 50 });
  }
  const entries = await chaos!.db.timelineEntry.findMany({ where: { rawEvent: { deliveryId: { in: [note.deliveryId, firing.deliveryId, trigger.deliveryId] } } }, select: { incidentId: true } });
  expect(entries).toHaveLength(3);
  expect(new Set(entries.map((e) => e.incidentId)).size).toBe(1);
});
