import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { handleWebhookRequest } from "@/lib/ingest/handle-webhook-request";
import { processRawEvent } from "@/lib/ingest/process-raw-event";
import { QUEUES, getBoss, stopBoss, type RawEventJob } from "@/lib/jobs";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { readFixture, signPagerDuty } from "../helpers/webhooks";

/**
 * A captured, validly signed PagerDuty delivery sent again later (same bytes, same headers)
 * changes nothing anywhere: not the stored deliveries, incidents, timeline, drafts or audit
 * log, and no job is queued. The sender is told it was a duplicate.
 */
const SECRET = "replay-test-pagerduty-signing-secret";
let db: Db;
let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, url, drop } = await createMigratedDatabase());
  await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: [SECRET] } });
});
afterAll(async () => {
  await stopBoss();
  await drop();
});

/** The webhook route with the real job queue, then a worker's turn: each queued delivery processed and its incident re-drafted. */
async function deliver(body: Buffer, headers: Record<string, string>) {
  const boss = await getBoss(url);
  const request = new Request("http://sitrep.test/api/webhooks/pagerduty", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: new Uint8Array(body) });
  const response = await handleWebhookRequest(request, "pagerduty", { db, enqueue: async (rawEventId) => void (await boss.send(QUEUES.processRawEvent, { rawEventId } satisfies RawEventJob)) });
  for (const job of await boss.fetch<RawEventJob>(QUEUES.processRawEvent, { batchSize: 10 })) {
    const { incidentIds } = await processRawEvent(db, job.data.rawEventId);
    for (const id of incidentIds) await redraftIncident(db, id);
    await boss.complete(QUEUES.processRawEvent, job.id);
  }
  return { status: response.status, body: (await response.json()) as { status?: string; deliveryId?: string } };
}

async function snapshot() {
  const [jobs] = await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM pgboss.job`);
  return {
    rawEvents: await db.rawEvent.findMany({ orderBy: { id: "asc" }, omit: { body: true } }),
    incidents: await db.incident.findMany({ orderBy: { id: "asc" } }),
    timeline: await db.timelineEntry.findMany({ orderBy: { id: "asc" } }),
    revisions: await db.reportRevision.findMany({ orderBy: { id: "asc" } }),
    audit: await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, hash: true } }),
    jobs: Number(jobs?.count ?? -1),
  };
}

describe("webhook replay", () => {
  it("accepts a signed delivery once; the same bytes and headers later change nothing and are answered as a duplicate", async () => {
    const body = readFixture("pagerduty", "01-triggered.json");
    const captured = { "x-pagerduty-signature": signPagerDuty(body, SECRET), "x-webhook-id": "a9c3b8f0-replay" };
    expect(await deliver(body, captured)).toMatchObject({ status: 202, body: { status: "accepted" } });
    const before = await snapshot();
    expect(before.incidents).toHaveLength(1);
    expect(before.timeline.length).toBeGreaterThan(0);
    expect(before.revisions.length).toBeGreaterThan(0);
    // The accepted delivery queued its processing job (kept as completed), so a second job would show.
    expect(before.jobs).toBeGreaterThan(0);

    expect(await deliver(body, captured)).toMatchObject({ status: 200, body: { status: "duplicate", deliveryId: "01JDKX7Y2QK4M8W3NC5R0TB6HA" } });
    const replies = await Promise.all([deliver(body, captured), deliver(body, captured)]);
    expect(replies.map((r) => r.body.status)).toEqual(["duplicate", "duplicate"]);
    expect(await snapshot()).toEqual(before);
  });

  it("treats the same event re-serialised and re-signed (new bytes, same event id) as the same delivery", async () => {
    const before = await snapshot();
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(readFixture("pagerduty", "01-triggered.json").toString("utf8"))));
    expect(await deliver(reserialised, { "x-pagerduty-signature": signPagerDuty(reserialised, SECRET) })).toMatchObject({ status: 200, body: { status: "duplicate" } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses the captured bytes under a signature that does not match, and stores nothing", async () => {
    const before = await snapshot();
    const body = readFixture("pagerduty", "02-acknowledged.json");
    expect(await deliver(body, { "x-pagerduty-signature": signPagerDuty(body, "a-secret-the-attacker-guessed") })).toMatchObject({ status: 401 });
    expect(await snapshot()).toEqual(before);
  });
});
