import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { startResendRecorder } from "../helpers/resend-recorder";
import { countInboxes, seedApprovedSend, sendThroughApi } from "./helpers/approved-send";
import { RESEND_KEY, startFaultApp, type FaultApp } from "./helpers/fault-app";
import { startFaultDatabase, type FaultDatabase } from "./helpers/fault-database";
import { createPhaseLog, sleep, waitUntil } from "./helpers/wait-until";

// The app is SIGKILLed while it mails an approved report to 200 people, then started again.
// Everyone must get the email exactly once: the provider (the recorder) counts by Idempotency-Key.
const PG_PORT = 54402;
const APP_PORT = 3322;
const RECIPIENTS = 200;
const PROVIDER_DELAY_MS = 40;

let database: FaultDatabase;
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
let db: Db;
let url: string;
let app: FaultApp | undefined;

const startApp = () => startFaultApp({ port: APP_PORT, databaseUrl: url, env: { RESEND_API_KEY: RESEND_KEY, RESEND_BASE_URL: recorder.url } });

beforeAll(async () => {
  database = await startFaultDatabase(PG_PORT);
  url = await database.createDatabase("sitrep");
  db = createDb(url);
  recorder = await startResendRecorder();
  // A slow provider, so the kill lands while the send is under way.
  recorder.setScript(async () => void (await sleep(PROVIDER_DELAY_MS)));
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
  await recorder?.close();
  await db?.$disconnect();
  await database?.destroy();
});

it("sends each of 200 recipients the report exactly once although the app was killed mid-send", async () => {
  const phase = createPhaseLog("app-killed-mid-send");
  const { revisionId, recipients, token } = await seedApprovedSend(db, RECIPIENTS);
  const sent = await sendThroughApi(app!.url, revisionId, token);
  const rows = await db.delivery.findMany({ where: { revisionId }, select: { id: true, recipient: true } });
  expect(sent).toEqual({ revisionId, state: "sent", deliveries: rows.length });
  expect(new Set(rows.map((r) => r.recipient))).toEqual(new Set(recipients));

  await waitUntil("a quarter of the emails to reach the provider", async () => (recorder.delivered.size >= RECIPIENTS / 4 ? true : undefined), { timeoutMs: 60_000, intervalMs: 20 });
  await app!.kill();
  const deliveredAtKill = recorder.delivered.size;
  const unsentAtKill = await db.delivery.count({ where: { revisionId, status: { not: "sent" } } });
  // The kill really landed mid-send: some mail was out, some was not.
  expect(deliveredAtKill).toBeGreaterThan(0);
  expect(deliveredAtKill).toBeLessThan(rows.length);
  expect(unsentAtKill).toBeGreaterThan(0);

  phase(`killed with ${deliveredAtKill} of ${rows.length} delivered`);
  app = await startApp();
  phase("restarted");
  await waitUntil("every delivery to be sent after the restart", async () => ((await db.delivery.count({ where: { revisionId, status: "sent" } })) === rows.length ? true : undefined), {
    timeoutMs: 150_000,
    intervalMs: 500,
    describe: async () => `deliveries by status: ${JSON.stringify(await db.delivery.groupBy({ by: ["status"], where: { revisionId }, _count: true }))}; app log: ${app!.logFile}`,
  });

  phase(`all sent; the provider saw ${recorder.requests.length} requests`);
  // Exactly once, counted where it matters: one accepted email per delivery's key, one per inbox.
  expect([...recorder.delivered.keys()].sort()).toEqual(rows.map((r) => `sitrep-delivery-${r.id}`).sort());
  expect(countInboxes(recorder.delivered)).toEqual(Object.fromEntries(recipients.map((r) => [r, 1])));
  // And in Sitrep's own records: every row sent, each once in the audit log.
  expect(await db.delivery.groupBy({ by: ["status"], where: { revisionId }, _count: true })).toEqual([{ status: "sent", _count: rows.length }]);
  expect(await db.auditEvent.count({ where: { action: "delivery.sent", targetId: { in: rows.map((r) => r.id) } } })).toBe(rows.length);
  expect(await db.auditEvent.count({ where: { action: "delivery.failed", targetId: { in: rows.map((r) => r.id) } } })).toBe(0);
});
