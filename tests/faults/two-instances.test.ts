import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/authz";
import { createDb, type Db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { ALERTMANAGER_TOKEN, PAGERDUTY_SECRET, startFaultApps, type FaultApp } from "./helpers/fault-app";
import { startFaultDatabase, type FaultDatabase } from "./helpers/fault-database";
import { buildStories, shuffle } from "./helpers/fault-stories";
import { describeDelivery, findUndraftedIncidents, readRawEvents, readStoryTimelines } from "./helpers/ingest-state";
import { createPhaseLog, waitUntil } from "./helpers/wait-until";
import { createSenderStats, sendAtLoad } from "./helpers/webhook-sender";

// Two instances of the app share one PostgreSQL; senders split their webhooks between them, and
// one instance is SIGKILLed midway. Its senders fail over, its background jobs finish on the
// survivor, and each instance sees what was done through the other.
const PG_PORT = 54405;
const SECRETS = { pagerduty: PAGERDUTY_SECRET, alertmanager: ALERTMANAGER_TOKEN };
const AUTH_SECRET = randomBytes(32).toString("base64url");

let database: FaultDatabase;
let db: Db;
let survivor: FaultApp | undefined;
let victim: FaultApp | undefined;

beforeAll(async () => {
  database = await startFaultDatabase(PG_PORT);
  const url = await database.createDatabase("sitrep");
  db = createDb(url);
  // One deployment: the same secrets on every instance.
  [survivor, victim] = await startFaultApps([3326, 3327].map((port) => ({ port, databaseUrl: url, authSecret: AUTH_SECRET })));
});

afterAll(async () => {
  await Promise.all([survivor?.stop(), victim?.stop()]);
  await db?.$disconnect();
  await database?.destroy();
});

async function api(app: FaultApp, token: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${app.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers } });
  return { status: response.status, body: (await response.json()) as { data: Record<string, unknown> & { timeline?: { text: string }[] } } };
}

/** Jobs a worker still owes: queued, waiting to retry, or claimed and not settled. */
const openJobs = () => db.$queryRaw<{ name: string; state: string; count: number }[]>`
  SELECT name, state::text, count(*)::int AS count FROM pgboss.job
  WHERE name IN (${QUEUES.processRawEvent}, ${QUEUES.draftIncident}, ${QUEUES.sendEmail}) AND state IN ('created', 'retry', 'active')
  GROUP BY 1, 2 ORDER BY 1, 2`;

it("loses and doubles nothing when one of two instances is killed under load; its jobs finish on the survivor", async () => {
  const phase = createPhaseLog("two-instances");
  const stories = buildStories(randomBytes(3).toString("hex"), 60);
  const deliveries = stories.flatMap((s) => s.deliveries);
  const { token } = await createApiToken({ db, actor: SYSTEM_ACTOR, requestId: "fault-seed" }, { name: "fault-responder", role: "RESPONDER" });
  const stats = createSenderStats();

  // First, with both instances up: what is written through one is read through the other.
  const warmUp = await sendAtLoad([survivor!.url, victim!.url], stories[0]!.deliveries, { concurrency: 2, secrets: SECRETS, stats });
  expect(warmUp.every((r) => r.status === 202)).toBe(true);
  await checkSharedState();
  phase("each instance read what the other wrote");

  // Then the load: half the senders start on each instance; a failed try moves to the other one.
  const rest = shuffle(stories.slice(1).flatMap((s) => s.deliveries), 21);
  let killed: Promise<void> | undefined;
  let acceptedAtKill = 0;
  const results = await sendAtLoad([survivor!.url, victim!.url], rest, {
    concurrency: 30,
    secrets: SECRETS,
    stats,
    onAccepted: (count) => {
      if (killed || count < rest.length / 3) return;
      acceptedAtKill = count;
      killed = victim!.kill().then(() => phase(`instance ${victim!.port} killed after ${count} accepted`));
    },
  });
  await killed;
  phase(`all ${deliveries.length} accepted; retries ${JSON.stringify(stats.byReason)}`);
  expect(acceptedAtKill).toBeLessThan(rest.length);
  expect(stats.byReason.connection, `retries by reason: ${JSON.stringify(stats.byReason)}`).toBeGreaterThan(0);
  expect(results.every((r) => r.status === 202 || r.status === 200)).toBe(true);

  await waitUntil("every delivery processed and no job left owing", async () => ((await readRawEvents(db)).states.processed === deliveries.length && (await openJobs()).length === 0 ? true : undefined), {
    timeoutMs: 150_000,
    intervalMs: 1000,
    describe: async () => `raw events: ${JSON.stringify((await readRawEvents(db)).states)}; open jobs: ${JSON.stringify(await openJobs())}; survivor log: ${survivor!.logFile}`,
  });
  phase("all processed, no job left");
  const stored = await readRawEvents(db);
  expect(stored.deliveries).toEqual(deliveries.map(describeDelivery).sort());
  expect(await db.incident.count()).toBe(stories.length);
  for (const story of await readStoryTimelines(db, stories)) expect(story).toEqual({ story: story.story, status: "resolved", timeline: story.expected, expected: story.expected });
  expect(await db.timelineEntry.count({ where: { rawEventId: { not: null } } })).toBe(deliveries.length);
  // The drafting jobs ran too, on whichever instance lived: no incident's drafts fell behind its evidence.
  expect(await findUndraftedIncidents(db)).toEqual([]);

  // Evidence added through one instance, read back through the other (and the other way round).
  async function checkSharedState() {
    const first = await waitUntil("a first incident", () => db.incident.findFirst({ orderBy: { number: "asc" }, select: { number: true } }).then((i) => i ?? undefined), { timeoutMs: 30_000 });
    const key = `INC-${first.number}`;
    for (const [writer, reader] of [[survivor!, victim!], [victim!, survivor!]] as const) {
      const marker = `note-through-${writer.port}-${randomBytes(3).toString("hex")}`;
      expect((await api(writer, token, `/api/incidents/${key}/evidence`, { method: "POST", body: JSON.stringify({ format: "note", text: marker }) })).status).toBe(200);
      const read = await api(reader, token, `/api/incidents/${key}`);
      expect(read.status).toBe(200);
      expect(read.body.data.timeline?.map((e) => e.text)).toContain(marker);
    }
  }
});
