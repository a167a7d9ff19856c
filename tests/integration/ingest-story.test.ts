import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { createWebhookClient, readFixture, signPagerDuty } from "../helpers/webhooks";

const PD_SECRET = "pd-signing-secret-for-tests-0001";
const TOKEN = "whk_token_for_tests_0000000000000";

let db: Db;
let drop: () => Promise<void>;
let client: ReturnType<typeof createWebhookClient>;

const pd = (name: string) => {
  const body = readFixture("pagerduty", name);
  return client.post("pagerduty", body, { "x-pagerduty-signature": signPagerDuty(body, PD_SECRET), "x-webhook-id": name });
};
const withToken = (sender: string, name: string) => client.post(sender, readFixture(sender, name), { authorization: `Bearer ${TOKEN}` });

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  client = createWebhookClient(db);
  await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: [PD_SECRET] } });
  for (const sender of ["opsgenie", "alertmanager", "grafana", "datadog"] as const) {
    await db.integration.create({ data: { sender, name: sender, tokens: [TOKEN] } });
  }
});
afterAll(() => drop());

describe("one outage told by five senders", () => {
  it("becomes one incident with one timeline, in event order, resolved at the right time", async () => {
    // Delivered out of order: PagerDuty's resolve arrives before its trigger.
    expect((await pd("04-resolved.json")).status).toBe(202);
    expect((await withToken("alertmanager", "firing.json")).status).toBe(202);
    expect((await pd("01-triggered.json")).status).toBe(202);
    expect((await pd("02-acknowledged.json")).status).toBe(202);
    expect((await withToken("grafana", "firing.json")).status).toBe(202);
    expect((await withToken("opsgenie", "01-create.json")).status).toBe(202);
    expect((await pd("03-annotated.json")).status).toBe(202);
    expect((await withToken("datadog", "01-triggered.json")).status).toBe(202);
    await client.drain();

    const incidents = await db.incident.findMany({ include: { timeline: { orderBy: { at: "asc" } }, links: true } });
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident!.title).toBe("Checkout API returning 502s");
    expect(incident!.services).toEqual(["checkout-api"]);
    expect(incident!.timeline.map((e) => [e.source, e.kind])).toEqual([
      ["Grafana", "trigger"],
      ["Alertmanager", "trigger"],
      ["Datadog", "trigger"],
      ["Opsgenie", "trigger"],
      ["PagerDuty", "trigger"],
      ["PagerDuty", "acknowledge"],
      ["PagerDuty", "note"],
      ["PagerDuty", "resolve"],
    ]);
    expect(incident!.timeline.every((e) => e.rawEventId)).toBe(true);
    expect(incident!.links.map((l) => l.key)).toEqual(expect.arrayContaining(["pd-incident:Q0RIJJZL24RC6W", "og-alias:checkout-api-5xx"]));
    // Alertmanager, Grafana, Datadog and Opsgenie still fire, so PagerDuty's resolve alone does not end it.
    expect(incident!.status).toBe("investigating");
    expect(incident!.startedAt.toISOString()).toBe("2026-11-29T09:07:30.000Z");
    expect(incident!.acknowledgedAt).not.toBeNull();
    expect(incident!.resolvedAt).toBeNull();

    expect((await withToken("alertmanager", "resolved.json")).status).toBe(202);
    expect((await withToken("grafana", "resolved.json")).status).toBe(202);
    expect((await withToken("opsgenie", "04-close.json")).status).toBe(202);
    expect((await withToken("datadog", "04-recovered.json")).status).toBe(202);
    await client.drain();
    const resolved = await db.incident.findUniqueOrThrow({ where: { id: incident!.id } });
    expect(resolved.status).toBe("resolved");
    const resolves = await db.timelineEntry.findMany({ where: { incidentId: incident!.id, kind: "resolve" }, orderBy: { at: "desc" } });
    expect(resolved.resolvedAt?.toISOString()).toBe(resolves[0]!.at.toISOString());
  });

  it("answers a duplicate delivery with 200 and changes nothing", async () => {
    const before = await db.timelineEntry.count();
    const rawBefore = await db.rawEvent.count();
    const again = await pd("01-triggered.json");
    expect(again).toMatchObject({ status: 200, body: { status: "duplicate" } });
    // A retry PagerDuty sent with a new delivery header but the same event id is the same fact.
    const retry = await pd("02-acknowledged-retry.json");
    expect([200, 202]).toContain(retry.status);
    const repeat = await withToken("alertmanager", "firing-repeat.json");
    expect([200, 202]).toContain(repeat.status);
    const renotify = await withToken("datadog", "03-renotify.json");
    expect([200, 202]).toContain(renotify.status);
    await client.drain();
    expect(await db.timelineEntry.count()).toBe(before);
    expect(await db.incident.count()).toBe(1);
    // The byte-identical re-delivery was not even stored again.
    expect(await db.rawEvent.count()).toBeLessThan(rawBefore + 4);
    expect(await db.rawEvent.count({ where: { deliveryId: "01JDKX7Y2QK4M8W3NC5R0TB6HA" } })).toBe(1);
  });

  it("records every incident change in the audit chain", async () => {
    const actions = await db.auditEvent.findMany({ select: { action: true, actorType: true } });
    expect(actions).toContainEqual({ action: "incident.create", actorType: "integration" });
    expect(actions.filter((a) => a.action === "incident.update").length).toBeGreaterThan(0);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
