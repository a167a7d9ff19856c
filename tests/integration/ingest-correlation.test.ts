import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { createWebhookClient, readFixture, signPagerDuty } from "../helpers/webhooks";

const PD_SECRET = "pd-signing-secret-for-correlation";
const TOKEN = "whk_token_for_correlation_tests_00";
let db: Db;
let drop: () => Promise<void>;
let client: ReturnType<typeof createWebhookClient>;

type AmAlert = { status: string; startsAt: string; endsAt: string; labels: Record<string, string>; fingerprint: string };
type AmBody = { status: string; alerts: AmAlert[] };
/** An Alertmanager notification from the recorded fixture, moved in time and edited. */
function alertmanager(file: string, edit: (body: AmBody) => void): Buffer {
  const body = JSON.parse(readFixture("alertmanager", file).toString("utf8")) as AmBody;
  edit(body);
  return Buffer.from(JSON.stringify(body));
}
type PdBody = { event: { id: string; occurred_at: string; data: { id: string; title: string; service: { summary: string } } } };
function pagerduty(file: string, edit: (body: PdBody) => void): Buffer {
  const body = JSON.parse(readFixture("pagerduty", file).toString("utf8")) as PdBody;
  edit(body);
  return Buffer.from(JSON.stringify(body));
}
const postAm = async (body: Buffer) => (await client.post("alertmanager", body, { authorization: `Bearer ${TOKEN}` })).status;
const postPd = async (body: Buffer) => (await client.post("pagerduty", body, { "x-pagerduty-signature": signPagerDuty(body, PD_SECRET) })).status;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  client = createWebhookClient(db);
  await db.integration.create({ data: { sender: "alertmanager", name: "Alertmanager", tokens: [TOKEN] } });
  await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: [PD_SECRET] } });
});
afterAll(() => drop());

describe("correlation over time", () => {
  it("opens a new incident when a fingerprint fires again a week after it resolved", async () => {
    expect(await postAm(readFixture("alertmanager", "firing.json"))).toBe(202);
    expect(await postAm(readFixture("alertmanager", "resolved.json"))).toBe(202);
    await client.drain();
    const weekLater = alertmanager("firing.json", (b) => {
      b.alerts[0]!.startsAt = "2026-12-06T09:07:30.512Z";
    });
    expect(await postAm(weekLater)).toBe(202);
    await client.drain();
    const incidents = await db.incident.findMany({ orderBy: { number: "asc" }, include: { links: true } });
    expect(incidents.map((i) => i.status)).toEqual(["resolved", "triggered"]);
    // The recurring fingerprint now points at the new incident; later events follow it there.
    expect(incidents[1]!.links.map((l) => l.key)).toContain(`am-fingerprint:${JSON.parse(weekLater.toString()).alerts[0].fingerprint}`);
  });

  it("matches services whatever their case", async () => {
    const at = "2026-12-10T12:00:00.000Z";
    expect(await postPd(pagerduty("01-triggered.json", (b) => Object.assign(b.event, { id: "case-1", occurred_at: at, data: { ...b.event.data, id: "QCASE1", service: { ...b.event.data.service, summary: "Search-API" } } })))).toBe(202);
    expect(
      await postAm(
        alertmanager("firing.json", (b) => {
          b.alerts[0]!.startsAt = "2026-12-10T12:01:00.000Z";
          b.alerts[0]!.fingerprint = "casefp0000000001";
          b.alerts[0]!.labels.service = "search-api";
        }),
      ),
    ).toBe(202);
    await client.drain();
    const incident = await db.incident.findFirstOrThrow({ where: { services: { has: "search-api" } }, include: { timeline: true } });
    expect(incident.timeline.map((e) => e.source).sort()).toEqual(["Alertmanager", "PagerDuty"]);
  });

  it("joins a resolve that arrives first with the trigger that follows, and starts at the alert's start", async () => {
    const resolvedFirst = alertmanager("resolved.json", (b) => {
      b.alerts[0]!.fingerprint = "orderfp000000001";
      b.alerts[0]!.labels.service = "billing-api";
      b.alerts[0]!.startsAt = "2026-12-12T09:00:00.000Z";
      b.alerts[0]!.endsAt = "2026-12-12T10:30:00.000Z";
    });
    expect(await postAm(resolvedFirst)).toBe(202);
    await client.drain();
    expect(await postPd(pagerduty("01-triggered.json", (b) => Object.assign(b.event, { id: "order-1", occurred_at: "2026-12-12T09:01:00.000Z", data: { ...b.event.data, id: "QORDER1", service: { ...b.event.data.service, summary: "billing-api" } } })))).toBe(202);
    await client.drain();
    const incidents = await db.incident.findMany({ where: { services: { has: "billing-api" } } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.startedAt.toISOString()).toBe("2026-12-12T09:00:00.000Z");
  });
});
