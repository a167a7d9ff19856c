import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { startResendRecorder, type RecordedRequest } from "../helpers/resend-recorder";
import { countInboxes, seedApprovedSend, sendThroughApi } from "./helpers/approved-send";
import { RESEND_KEY, startFaultApp, type FaultApp } from "./helpers/fault-app";
import { startFaultDatabase, type FaultDatabase } from "./helpers/fault-database";
import { createPhaseLog, waitUntil } from "./helpers/wait-until";

// The email provider answers 500 and 429 to everything for a while. The outage is 20 s rather
// than a minute: EMAIL_RETRY_DELAY_SECONDS=1 scales the backoff down by the same factor (5 s to 1 s),
// so the senders go through the same number of failed tries as a minute-long outage costs.
const PG_PORT = 54403;
const APP_PORT = 3323;
const RECIPIENTS = 40;
const OUTAGE_MS = 20_000;

let database: FaultDatabase;
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
let db: Db;
let app: FaultApp | undefined;

beforeAll(async () => {
  database = await startFaultDatabase(PG_PORT);
  const url = await database.createDatabase("sitrep");
  db = createDb(url);
  recorder = await startResendRecorder();
  app = await startFaultApp({ port: APP_PORT, databaseUrl: url, env: { RESEND_API_KEY: RESEND_KEY, RESEND_BASE_URL: recorder.url, EMAIL_RETRY_DELAY_SECONDS: "1" } });
});

afterAll(async () => {
  await app?.stop();
  await recorder?.close();
  await db?.$disconnect();
  await database?.destroy();
});

it("delivers every email exactly once after the provider answered 500 and 429 for a while", async () => {
  const phase = createPhaseLog("email-provider-outage");
  const { revisionId, recipients, token } = await seedApprovedSend(db, RECIPIENTS);
  const refused: { request: RecordedRequest; status: number }[] = [];
  let outageStarted: number | undefined;
  recorder.setScript((request, index) => {
    outageStarted ??= Date.now();
    if (Date.now() - outageStarted > OUTAGE_MS) return undefined;
    const status = index % 2 === 0 ? 500 : 429;
    refused.push({ request, status });
    return status === 500
      ? { status, body: { statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." } }
      : { status, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second." } };
  });
  await sendThroughApi(app!.url, revisionId, token);
  const rows = await db.delivery.findMany({ where: { revisionId }, select: { id: true } });
  expect(rows).toHaveLength(RECIPIENTS);

  await waitUntil("every delivery to be sent once the provider recovers", async () => ((await db.delivery.count({ where: { revisionId, status: "sent" } })) === rows.length ? true : undefined), {
    timeoutMs: 150_000,
    intervalMs: 500,
    describe: async () => `deliveries by status: ${JSON.stringify(await db.delivery.groupBy({ by: ["status"], where: { revisionId }, _count: true }))}; ${refused.length} refused; app log: ${app!.logFile}`,
  });

  phase(`all sent; ${refused.length} requests refused, ${recorder.requests.length} in all`);
  // The outage was felt by every recipient, with both answers, more than once each...
  const keys = rows.map((r) => `sitrep-delivery-${r.id}`).sort();
  const refusedKeys = refused.map((r) => String(r.request.headers["idempotency-key"]));
  expect([...new Set(refusedKeys)].sort()).toEqual(keys);
  expect(new Set(refused.map((r) => r.status))).toEqual(new Set([500, 429]));
  expect(refused.length).toBeGreaterThan(2 * RECIPIENTS);
  // ...and afterwards each got the email once; no delivery was given up on.
  expect([...recorder.delivered.keys()].sort()).toEqual(keys);
  expect(countInboxes(recorder.delivered)).toEqual(Object.fromEntries(recipients.map((r) => [r, 1])));
  const final = await db.delivery.findMany({ where: { revisionId }, select: { status: true, lastError: true, attempts: true } });
  expect(final.every((d) => d.status === "sent" && d.lastError === null && d.attempts >= 2)).toBe(true);
  expect(await db.auditEvent.count({ where: { action: "delivery.sent", targetId: { in: rows.map((r) => r.id) } } })).toBe(rows.length);
  expect(await db.auditEvent.count({ where: { action: "delivery.failed", targetId: { in: rows.map((r) => r.id) } } })).toBe(0);
});
