import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { rawEventPriority } from "@/lib/ingest/enqueue-raw-event";
import { handleWebhookRequest } from "@/lib/ingest/handle-webhook-request";
import { QUEUES, getBoss, stopBoss, type RawEventJob } from "@/lib/jobs";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { readFixture, signPagerDuty } from "../helpers/webhooks";

const PD_SECRET = "pd-signing-secret-for-tests-0003";
let db: Db;
let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, url, drop } = await createMigratedDatabase());
  await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: [PD_SECRET] } });
});
afterAll(async () => {
  await stopBoss();
  await drop();
});

describe("the ingest queue", () => {
  it("processes a trigger, which may open an incident someone waits to see drafted, before updates queued ahead of it", async () => {
    const boss = await getBoss(url);
    const enqueue = async (rawEventId: string, options?: { isTrigger: boolean }) => void (await boss.send(QUEUES.processRawEvent, { rawEventId } satisfies RawEventJob, { priority: rawEventPriority(options ?? {}) }));
    const post = async (name: string) => {
      const body = readFixture("pagerduty", name);
      const request = new Request("http://sitrep.test/api/webhooks/pagerduty", { method: "POST", headers: { "content-type": "application/json", "x-pagerduty-signature": signPagerDuty(body, PD_SECRET) }, body: new Uint8Array(body) });
      const response = await handleWebhookRequest(request, "pagerduty", { db, enqueue });
      return ((await response.json()) as { id: string }).id;
    };
    const ack = await post("02-acknowledged.json");
    const resolved = await post("04-resolved.json");
    const trigger = await post("01-triggered.json");
    // A worker takes the next job: the trigger, though it came last (a batch's rows come back unordered).
    const [first] = await boss.fetch<RawEventJob>(QUEUES.processRawEvent, { batchSize: 1 });
    expect(first?.data.rawEventId).toBe(trigger);
    const rest = await boss.fetch<RawEventJob>(QUEUES.processRawEvent, { batchSize: 10 });
    expect(new Set(rest.map((job) => job.data.rawEventId))).toEqual(new Set([ack, resolved]));
  });
});
