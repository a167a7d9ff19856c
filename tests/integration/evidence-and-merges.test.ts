import { readFileSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { unzipSlackExport } from "@/lib/evidence/unzip-slack-export";
import { getIncident } from "@/lib/incidents/get-incident";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { mergeIncidents } from "@/lib/incidents/merge-incidents";
import { splitIncident } from "@/lib/incidents/split-incident";
import { replayRawEvents } from "@/lib/ingest/replay-raw-events";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { createWebhookClient, readFixture } from "../helpers/webhooks";

const EVIDENCE = path.resolve(import.meta.dirname, "../fixtures/evidence");
const TOKEN = "whk_token_for_evidence_tests_0000";
let db: Db;
let drop: () => Promise<void>;
let client: ReturnType<typeof createWebhookClient>;
const bearer = { authorization: `Bearer ${TOKEN}` };

async function incidentKeys(): Promise<string[]> {
  return (await db.incident.findMany({ where: { mergedIntoId: null }, orderBy: { number: "asc" } })).map((i) => formatIncidentKey(i.number));
}

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  client = createWebhookClient(db);
  for (const sender of ["alertmanager", "opsgenie"] as const) await db.integration.create({ data: { sender, name: sender, tokens: [TOKEN] } });
  await client.post("alertmanager", readFixture("alertmanager", "firing.json"), bearer);
  await client.drain();
});
afterAll(() => drop());

describe("evidence uploads", () => {
  it("adds a Slack export zip, chat lines, metrics and a change, once each", async () => {
    const responder = await createActorCtx(db, "RESPONDER");
    const [key] = await incidentKeys();
    const zip = zipSync({
      "users.json": readFileSync(path.join(EVIDENCE, "slack-export/users.json")),
      "inc-checkout/2026-11-29.json": readFileSync(path.join(EVIDENCE, "slack-export/inc-checkout/2026-11-29.json")),
    });
    const slack = { format: "slack_export" as const, ...unzipSlackExport(zip) };
    const first = await addEvidence(responder, { key: key!, evidence: slack });
    expect(first.added).toBeGreaterThan(2);
    expect(await addEvidence(responder, { key: key!, evidence: slack })).toMatchObject({ added: 0, duplicates: first.received });

    const chat = await addEvidence(responder, { key: key!, evidence: { format: "chat_lines", text: readFileSync(path.join(EVIDENCE, "chat-lines.txt"), "utf8") } });
    const metrics = await addEvidence(responder, { key: key!, evidence: { format: "metrics_csv", text: readFileSync(path.join(EVIDENCE, "metrics.csv"), "utf8") } });
    const change = await addEvidence(responder, {
      key: key!,
      // Deploy tools may say {"kind": "change"} instead of {"format": "change"}.
      evidence: { kind: "change", at: "2026-11-29T09:02:00Z", text: "payments-service v2.31.0 deployed", service: "payments-service" } as never,
    });
    expect([chat.added > 0, metrics.added, change.added]).toEqual([true, 2, 1]);

    const incident = await getIncident(responder, { key: key! });
    const kinds = new Set(incident.timeline!.map((e) => e.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(["trigger", "chat_message", "metric_sample", "change"]));
    expect(incident.services).toEqual(expect.arrayContaining(["checkout-api", "payments-service"]));
    const chatEntry = incident.timeline!.find((e) => e.kind === "chat_message")!;
    expect(chatEntry).toMatchObject({ authorType: "human", author: { name: expect.any(String) } });
    const audit = await db.auditEvent.findMany({ where: { action: "evidence.add" } });
    expect(audit).toHaveLength(5);
  });

  it("refuses bad uploads with the reason, and VIEWERs entirely", async () => {
    const responder = await createActorCtx(db, "RESPONDER");
    const viewer = await createActorCtx(db, "VIEWER");
    const [key] = await incidentKeys();
    const bad = readFileSync(path.join(EVIDENCE, "hostile/metrics-bad-value.csv"), "utf8");
    await expect(addEvidence(responder, { key: key!, evidence: { format: "metrics_csv", text: bad } })).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringMatching(/line \d+/) });
    await expect(addEvidence(responder, { key: "INC-999", evidence: { format: "note", text: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addEvidence(viewer, { key: key!, evidence: { format: "note", text: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addEvidence(responder, { key: key!, evidence: { format: "bogus" } as never })).rejects.toThrow(/format/);
    await expect(addEvidence(responder, { key: key!, evidence: { format: "note", text: "a\u0000b" } })).rejects.toMatchObject({ code: "UNPROCESSABLE", details: { field: "text" } });
  });
});

describe("merge and split", () => {
  it("merges a second incident into the first, and later deliveries follow", async () => {
    const responder = await createActorCtx(db, "RESPONDER");
    // Opsgenie's alert for another service opens a second incident.
    const create = JSON.parse(readFixture("opsgenie", "01-create.json").toString("utf8")) as { alert: Record<string, unknown> };
    Object.assign(create.alert, { alertId: "search-alert-1", entity: "search-api", alias: "search-api-latency", tags: ["search-api"] });
    await client.post("opsgenie", JSON.stringify(create), bearer);
    await client.drain();
    const [first, second] = await incidentKeys();
    expect(second).toBeDefined();

    const redrafts: string[] = [];
    const summary = await mergeIncidents({ ...responder, enqueueRedraft: async (id) => void redrafts.push(id) }, { sourceKey: second!, targetKey: first! });
    // Both drafts follow the evidence.
    expect(redrafts.sort()).toEqual((await db.incident.findMany({ where: { number: { in: [Number(first!.slice(4)), Number(second!.slice(4))] } }, select: { id: true } })).map((i) => i.id).sort());
    expect(summary).toMatchObject({ from: second, into: first, entriesMoved: 1 });
    expect(await incidentKeys()).toEqual([first]);
    await expect(mergeIncidents(responder, { sourceKey: first!, targetKey: first! })).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const close = JSON.parse(readFixture("opsgenie", "04-close.json").toString("utf8")) as { alert: Record<string, unknown> };
    Object.assign(close.alert, { alertId: "search-alert-1", entity: "search-api", alias: "search-api-latency", tags: ["search-api"] });
    await client.post("opsgenie", JSON.stringify(close), bearer);
    await client.drain();
    const merged = await getIncident(responder, { key: first! });
    expect(merged.timeline!.filter((e) => e.source === "Opsgenie").map((e) => e.kind)).toEqual(["trigger", "resolve"]);
    expect((await getIncident(responder, { key: second! })).mergedInto).toBe(first);
    // One action, one event: on the surviving incident, naming the merged one as its target.
    const merges = await db.auditEvent.findMany({ where: { action: "incident.merge" } });
    const [firstId, secondId] = await Promise.all([first, second].map(async (k) => (await db.incident.findUniqueOrThrow({ where: { number: Number(k!.slice(4)) } })).id));
    expect(merges).toEqual([expect.objectContaining({ incidentId: firstId, targetId: secondId, after: expect.objectContaining({ from: second, into: first, mergedIntoId: firstId }) })]);
  });

  it("splits the Opsgenie evidence back out, with its sender link", async () => {
    const responder = await createActorCtx(db, "RESPONDER");
    const [first] = await incidentKeys();
    const entries = await db.timelineEntry.findMany({ where: { source: "Opsgenie" }, select: { id: true } });
    const summary = await splitIncident(responder, { key: first!, entryIds: entries.map((e) => e.id), title: "Search latency" });
    expect(summary.entriesMoved).toBe(2);
    const split = await db.incident.findFirstOrThrow({ where: { title: "Search latency" }, include: { links: true } });
    expect(split.links.map((l) => l.key)).toContain("og-alias:search-api-latency");
    expect(split.status).toBe("resolved");
    await expect(splitIncident(responder, { key: first!, entryIds: ["not-an-entry"], title: "x" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("replay", () => {
  it("re-processes every stored delivery without doubling anything, and repairs what changed", async () => {
    const before = await db.timelineEntry.count();
    // Stand-ins for a parser fix: one entry's text is stale, one delivery failed earlier.
    const entry = await db.timelineEntry.findFirstOrThrow({ where: { source: "Alertmanager" } });
    await db.timelineEntry.update({ where: { id: entry.id }, data: { text: "stale text from an old parser" } });
    const failed = await db.rawEvent.findFirstOrThrow({ where: { sender: "opsgenie" }, orderBy: { receivedAt: "desc" } });
    await db.rawEvent.update({ where: { id: failed.id }, data: { state: "failed", error: "simulated" } });

    const summary = await replayRawEvents(db);
    expect(summary.total).toBeGreaterThan(0);
    expect(summary.failed ?? 0).toBe(0);
    expect(await db.timelineEntry.count()).toBe(before);
    expect((await db.timelineEntry.findUniqueOrThrow({ where: { id: entry.id } })).text).toMatch(/^\[FIRING\] HighErrorRate/);
    expect(await db.rawEvent.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ state: "processed", error: null });
  });
});
