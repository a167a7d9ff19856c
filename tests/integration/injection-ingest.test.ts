import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { isAppError } from "@/lib/errors";
import { buildHostileDeliveries, HOSTILE_SERVICE } from "../fixtures/injection/hostile-deliveries";
import { ALL_PAYLOADS, FORMULA_PAYLOADS, HEADER_PAYLOADS, LONG_PAYLOAD, SCRIPT_PAYLOADS, UNICODE_PAYLOADS, hostileLine } from "../fixtures/injection/payloads";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { createWebhookClient, signPagerDuty } from "../helpers/webhooks";

const PD_SECRET = "pd-signing-secret-for-injection-01";
const TOKEN = "whk_token_for_injection_tests_0000";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: [PD_SECRET] } });
  for (const sender of ["opsgenie", "alertmanager", "grafana", "datadog"] as const) await db.integration.create({ data: { sender, name: sender, tokens: [TOKEN] } });
});
afterAll(() => drop());

describe("hostile text through every ingest path", () => {
  it("all five senders accept it and store it exactly, in one incident, with no javascript: link kept as a link", async () => {
    const client = createWebhookClient(db);
    const stamp = String(Date.now());
    const deliveries = buildHostileDeliveries({ stamp, service: `inj-${stamp}`, at: new Date() });
    for (const delivery of deliveries) {
      const headers: Record<string, string> = delivery.sender === "pagerduty" ? { "x-pagerduty-signature": signPagerDuty(Buffer.from(delivery.body), PD_SECRET) } : { authorization: `Bearer ${TOKEN}` };
      const response = await client.post(delivery.sender, delivery.body, headers);
      expect({ marker: delivery.marker, status: response.status }).toEqual({ marker: delivery.marker, status: 202 });
      await client.drain();
    }
    const raws = await db.rawEvent.findMany();
    expect(raws.map((r) => r.state)).toEqual(deliveries.map(() => "processed"));

    const incidents = await db.incident.findMany({ include: { timeline: true } });
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    // The title as the sender wrote it, CR/LF included: it is data; the email subject makes it one line.
    expect(incident!.title).toBe(`${hostileLine(`INJ-PD-${stamp}`)} ${HEADER_PAYLOADS[0]}`);
    expect(incident!.services).toContain(HOSTILE_SERVICE);
    const texts = incident!.timeline.map((e) => e.text);
    for (const { marker } of deliveries) expect(texts.some((t) => t.includes(marker)), marker).toBe(true);
    // The note, byte for byte: control characters, combining marks, RTL override, 3,000 characters.
    const content = [`INJ-PDNOTE-${stamp}`, ...ALL_PAYLOADS].join("\n");
    expect(texts.filter((t) => t.endsWith(`: ${content}`))).toHaveLength(1);
    for (const marker of ["AM", "GF", "OG", "DD"]) expect(texts.find((t) => t.includes(`INJ-${marker}-${stamp}`)), marker).toContain(hostileLine(`INJ-${marker}-${stamp}`));
    // Links are data; the pages link only http(s) ones (components/incidents/timeline-list.tsx).
    expect(incident!.timeline.some((e) => (e.data as { url?: string } | null)?.url === "javascript:window.__pwned=11")).toBe(true);
  });

  it("the evidence API keeps chat, metrics and notes as text, and refuses a javascript: link on a change", async () => {
    const responder = await createActorCtx(db, "RESPONDER");
    const incident = await db.incident.create({ data: { title: "Evidence injection", severity: "SEV3", category: "other", status: "triggered", startedAt: new Date(Date.UTC(2026, 10, 29, 9)) } });
    const key = `INC-${incident.number}`;
    const chat = SCRIPT_PAYLOADS.map((p, i) => `2026-11-29 09:${String(10 + i).padStart(2, "0")} mallory: ${p}`).join("\n");
    expect(await addEvidence(responder, { key, evidence: { format: "chat_lines", text: chat } })).toMatchObject({ added: SCRIPT_PAYLOADS.length });
    const csv = ["timestamp,series,value", ...FORMULA_PAYLOADS.slice(0, 4).map((p, i) => `2026-11-29T09:0${i}:00Z,"${p.replaceAll('"', '""')}",${i}`)].join("\n");
    expect(await addEvidence(responder, { key, evidence: { format: "metrics_csv", text: csv } })).toMatchObject({ added: 4 });
    const note = [...UNICODE_PAYLOADS, LONG_PAYLOAD].join("\n");
    await addEvidence(responder, { key, evidence: { format: "note", text: note, source: SCRIPT_PAYLOADS[1] } });

    const entries = await db.timelineEntry.findMany({ where: { incidentId: incident.id } });
    for (const payload of SCRIPT_PAYLOADS) expect(entries.some((e) => e.kind === "chat_message" && e.text.includes(payload)), payload).toBe(true);
    const series = entries.filter((e) => e.kind === "metric_sample").map((e) => (e.data as { series: string }).series);
    expect(series.sort()).toEqual([...FORMULA_PAYLOADS.slice(0, 4)].sort());
    expect(entries.find((e) => e.kind === "note")).toMatchObject({ text: note, source: SCRIPT_PAYLOADS[1] });

    for (const url of ["javascript:window.__pwned=1", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]) {
      const refused = await addEvidence(responder, { key, evidence: { format: "change", at: new Date().toISOString(), text: "deploy", url } }).catch((error: unknown) => error);
      expect(isAppError(refused) || (refused as { name?: string }).name === "ZodError", url).toBe(true);
    }
    expect(await db.timelineEntry.count({ where: { incidentId: incident.id, kind: "change" } })).toBe(0);
  });
});
