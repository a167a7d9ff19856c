import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { handleWebhookRequest } from "@/lib/ingest/handle-webhook-request";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { createWebhookClient, readFixture, signPagerDuty } from "../helpers/webhooks";

const PD_SECRET = "pd-signing-secret-for-tests-0002";
const TOKEN = "whk_token_for_hostile_tests_00000";

let db: Db;
let drop: () => Promise<void>;
let client: ReturnType<typeof createWebhookClient>;
const signed = (body: Buffer | string) => ({ "x-pagerduty-signature": signPagerDuty(Buffer.from(body), PD_SECRET) });
const bearer = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  client = createWebhookClient(db);
  await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: ["an-older-secret-being-rotated-out", PD_SECRET] } });
  await db.integration.create({ data: { sender: "alertmanager", name: "Alertmanager", tokens: [TOKEN], tokenHeader: "X-Sitrep-Token" } });
  await db.integration.create({ data: { sender: "opsgenie", name: "Opsgenie", tokens: [TOKEN] } });
});
afterAll(() => drop());

describe("authentication", () => {
  it("refuses a wrong, missing or stale credential with 401 and stores nothing", async () => {
    const body = readFixture("pagerduty", "01-triggered.json");
    expect((await client.post("pagerduty", body, { "x-pagerduty-signature": signPagerDuty(body, "wrong-secret-entirely") })).status).toBe(401);
    expect((await client.post("pagerduty", body)).status).toBe(401);
    expect((await client.post("pagerduty", Buffer.concat([body, Buffer.from(" ")]), signed(body))).status).toBe(401);
    expect((await client.post("alertmanager", readFixture("alertmanager", "firing.json"), { authorization: "Bearer nope" })).status).toBe(401);
    const missing = await client.post("alertmanager", readFixture("alertmanager", "firing.json"));
    expect(missing).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(missing.body.error!.message).toContain("X-Sitrep-Token");
    expect(await db.rawEvent.count()).toBe(0);
  });

  it("accepts any one of several signatures during rotation, basic auth and the custom header", async () => {
    const body = readFixture("pagerduty", "01-triggered.json");
    const rotated = `${signPagerDuty(body, "a-brand-new-secret-not-yet-here")},${signPagerDuty(body, PD_SECRET)}`;
    expect((await client.post("pagerduty", body, { "x-pagerduty-signature": rotated })).status).toBe(202);
    const basic = `Basic ${Buffer.from(`alertmanager:${TOKEN}`).toString("base64")}`;
    expect((await client.post("alertmanager", readFixture("alertmanager", "firing.json"), { authorization: basic })).status).toBe(202);
    expect((await client.post("alertmanager", readFixture("alertmanager", "resolved.json"), { "x-sitrep-token": TOKEN })).status).toBe(202);
  });

  it("accepts nothing for a sender with no secret configured", async () => {
    const grafana = await client.post("grafana", readFixture("grafana", "firing.json"), bearer);
    expect(grafana.status).toBe(401);
    expect(grafana.body.error!.message).toMatch(/no secret or token configured/);
  });
});

describe("bad input", () => {
  it("answers each case precisely, never 500", async () => {
    const cases: [string, Promise<{ status: number; body: { error?: { code: string; field?: string } } }>, number, string?][] = [
      ["malformed JSON", client.post("opsgenie", '{"action": "Create", ', bearer), 400, "MALFORMED_JSON"],
      ["wrong content type", client.post("opsgenie", readFixture("opsgenie", "01-create.json"), { ...bearer, "content-type": "text/plain" }), 400, "UNSUPPORTED_CONTENT_TYPE"],
      ["missing field", client.post("opsgenie", readFixture("opsgenie", "hostile-missing-alert-id.json"), bearer), 422, "INVALID_PAYLOAD"],
      ["wrong type", client.post("alertmanager", readFixture("alertmanager", "alerts-not-array.json"), bearer), 422, "INVALID_PAYLOAD"],
      ["unknown sender", client.post("nagios", "{}", bearer), 404, "UNKNOWN_SENDER"],
    ];
    for (const [name, pending, status, code] of cases) {
      const result = await pending;
      expect({ name, status: result.status, code: result.body.error?.code }).toEqual({ name, status, code });
    }
    const missing = await client.post("alertmanager", readFixture("alertmanager", "missing-fingerprint.json"), bearer);
    expect(missing.body.error?.field).toBe("alerts.0.fingerprint");
  });

  it("refuses a body over 1 MiB with 413 before reading it all", async () => {
    const huge = JSON.stringify({ event: { id: "x", padding: "a".repeat(1024 * 1024) } });
    expect((await client.post("pagerduty", huge, signed(huge))).status).toBe(413);
  });

  it("refuses NUL characters and impossible times with 422, keeping the delivery as rejected", async () => {
    const nul = JSON.parse(readFixture("alertmanager", "firing.json").toString("utf8")) as { alerts: { annotations: Record<string, string>; startsAt: string }[] };
    nul.alerts[0]!.annotations.summary = "bad\u0000byte";
    const refused = await client.post("alertmanager", JSON.stringify(nul), bearer);
    expect(refused).toMatchObject({ status: 422, body: { error: { field: "alerts.0.annotations.summary" } } });
    const ancient = JSON.parse(readFixture("alertmanager", "firing.json").toString("utf8")) as typeof nul;
    ancient.alerts[0]!.startsAt = "0000-01-01T00:00:00Z";
    expect((await client.post("alertmanager", JSON.stringify(ancient), bearer)).status).toBe(422);
    expect(await db.rawEvent.count({ where: { state: "rejected" } })).toBeGreaterThanOrEqual(2);
  });

  it("stores an unknown event type and answers 202 without touching incidents", async () => {
    await client.drain();
    const incidentsBefore = await db.incident.count();
    const body = readFixture("pagerduty", "ignored-pagey-ping.json");
    const result = await client.post("pagerduty", body, signed(body));
    expect(result).toMatchObject({ status: 202, body: { status: "ignored" } });
    const raw = await db.rawEvent.findFirstOrThrow({ where: { state: "ignored" } });
    expect(raw.ignoredReason).toMatch(/pagey\.ping/);
    expect(Buffer.from(raw.body).equals(body)).toBe(true);
    await client.drain();
    expect(await db.incident.count()).toBe(incidentsBefore);
  });

  it("keeps HTML in titles as data, byte for byte", async () => {
    const body = readFixture("pagerduty", "hostile-html-title.json");
    expect((await client.post("pagerduty", body, signed(body))).status).toBe(202);
    await client.drain();
    const sent = (JSON.parse(body.toString("utf8")) as { event: { data: { title: string } } }).event.data.title;
    expect(sent).toMatch(/<script>|onerror/);
    // Same PagerDuty incident as an earlier delivery, so it joins that incident; the title it
    // carried is kept verbatim on the entry (pages render it as text).
    const raw = await db.rawEvent.findFirstOrThrow({ where: { deliveryId: "01JDKZ5E6F7G8H9J0K1L2M3N4P" }, include: { timelineEntries: true } });
    expect(raw.timelineEntries.map((e) => (e.data as { title: string }).title)).toEqual([sent]);
  });

  it("keeps Opsgenie's nanosecond timestamps exact", async () => {
    await client.post("opsgenie", readFixture("opsgenie", "02-acknowledge.json"), bearer);
    await client.post("opsgenie", readFixture("opsgenie", "precision-acknowledge-1ns-later.json"), bearer);
    await client.drain();
    const keys = (await db.timelineEntry.findMany({ where: { source: "Opsgenie", kind: "acknowledge" }, select: { dedupeKey: true } })).map((e) => e.dedupeKey);
    expect(keys).toHaveLength(2);
    const [a, b] = keys.map((k) => BigInt(/(\d{19})/.exec(k!)![1]!));
    expect(b! - a!).toBe(1n);
  });

  it("never stores the credential that came with a delivery", async () => {
    const rows = await db.rawEvent.findMany({ select: { headers: true } });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain("[redacted]");
  });
});

describe("more ways in", () => {
  it("verifies Grafana's HMAC (with timestamp) through the route and refuses a stale one", async () => {
    const secret = "grafana-hmac-secret-for-tests-001";
    await db.integration.create({ data: { sender: "grafana", name: "Grafana", secrets: [secret] } });
    const body = readFixture("grafana", "firing.json");
    const sign = (timestamp: number) => createHmac("sha256", secret).update(`${timestamp}:`).update(body).digest("hex");
    const now = Math.floor(Date.now() / 1000);
    const fresh = await client.post("grafana", body, { "x-grafana-alerting-signature": sign(now), "x-grafana-alerting-timestamp": String(now) });
    expect(fresh.status).toBe(202);
    const stale = await client.post("grafana", body, { "x-grafana-alerting-signature": sign(now - 3600), "x-grafana-alerting-timestamp": String(now - 3600) });
    expect(stale.status).toBe(401);
  });

  it("takes tokens from the environment, and a disabled integration accepts nothing", async () => {
    process.env.DATADOG_WEBHOOK_TOKEN = "env-token-for-datadog-000000000";
    try {
      const fromEnv = await client.post("datadog", readFixture("datadog", "01-triggered.json"), { authorization: "Bearer env-token-for-datadog-000000000" });
      expect(fromEnv.status).toBe(202);
      await db.integration.create({ data: { sender: "datadog", name: "Datadog", enabled: false } });
      const disabled = await client.post("datadog", readFixture("datadog", "04-recovered.json"), { authorization: "Bearer env-token-for-datadog-000000000" });
      expect(disabled).toMatchObject({ status: 401, body: { error: { message: expect.stringContaining("disabled") } } });
    } finally {
      delete process.env.DATADOG_WEBHOOK_TOKEN;
    }
  });
});

describe("database outage", () => {
  it("answers 503 with Retry-After so the sender retries", async () => {
    const down = createDb("postgresql://postgres@127.0.0.1:1/none");
    const body = readFixture("pagerduty", "01-triggered.json");
    const request = new Request("http://sitrep.test/api/webhooks/pagerduty", { method: "POST", headers: { "content-type": "application/json", ...signed(body) }, body: new Uint8Array(body) });
    const response = await handleWebhookRequest(request, "pagerduty", { db: down, enqueue: async () => {} });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    await down.$disconnect();
  });
});
