import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonBody } from "../parse-json-body";
import type { ParsedAlertEvent, ParseOutcome } from "../types";
import { parsePagerDuty } from "./parse";

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/webhooks/pagerduty");

// Read and parse exactly as the webhook route does: raw text through the lossless JSON parser.
function parseFixture(name: string, headers: Record<string, string> = {}): ParseOutcome {
  const parsed = parseJsonBody(readFileSync(path.join(FIXTURES, name), "utf8"));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
  return parsePagerDuty({ body: parsed.value, headers });
}

function parseSingleEvent(name: string): ParsedAlertEvent & { deliveryId: string } {
  const outcome = parseFixture(name);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.field} ${outcome.message}`);
  expect(outcome.events).toHaveLength(1);
  return { ...outcome.events[0]!, deliveryId: outcome.deliveryId };
}

describe("parsePagerDuty: the checkout-api outage", () => {
  it("maps the trigger with title, service, priority, link and the incident key", () => {
    const event = parseSingleEvent("01-triggered.json");
    expect(event).toMatchObject({
      deliveryId: "01JDKX7Y2QK4M8W3NC5R0TB6HA",
      kind: "trigger",
      externalKeys: ["pd-incident:Q0RIJJZL24RC6W"],
      dedupeKey: "pd:01JDKX7Y2QK4M8W3NC5R0TB6HA",
      title: "Checkout API returning 502s",
      services: ["checkout-api"],
      priority: "P2",
      text: "Triggered: Checkout API returning 502s",
      url: "https://acme-shop.pagerduty.com/incidents/Q0RIJJZL24RC6W",
      actor: "checkout-api",
    });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:08:14.532Z");
    expect(event.data).toMatchObject({
      eventType: "incident.triggered",
      incidentNumber: 4821,
      incidentKey: "3f1c9e0ab24d4d7f9c6e52a1d8b07e44",
      urgency: "high",
      assignees: ["Sam Okafor"],
      agentType: "service_reference",
    });
  });

  it("maps the acknowledgement to Dana Whitfield", () => {
    const event = parseSingleEvent("02-acknowledged.json");
    expect(event.kind).toBe("acknowledge");
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:11:02.118Z");
    expect(event.actor).toBe("Dana Whitfield");
    expect(event.text).toBe("Acknowledged by Dana Whitfield");
    expect(event.externalKeys).toEqual(["pd-incident:Q0RIJJZL24RC6W"]);
  });

  it("takes the incident of a note from its incident reference, not from data.id (the note's id)", () => {
    const event = parseSingleEvent("03-annotated.json");
    expect(event).toMatchObject({
      kind: "note",
      externalKeys: ["pd-incident:Q0RIJJZL24RC6W"],
      title: "Checkout API returning 502s",
      services: [],
      priority: null,
      text: "Note from Dana Whitfield: Rolling back payments-service to v2.30.4",
      actor: "Dana Whitfield",
      dedupeKey: "pd:01JDKXV5T2H9B4N6K8QW1F3ZDM",
    });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:19:47.305Z");
    expect(event.data).toMatchObject({ noteId: "PNT6Y3K", note: "Rolling back payments-service to v2.30.4" });
  });

  it("maps the resolution", () => {
    const event = parseSingleEvent("04-resolved.json");
    expect(event.kind).toBe("resolve");
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:31:26.940Z");
    expect(event.text).toBe("Resolved by Dana Whitfield");
  });

  it("gives every step of the story its own dedupe key", () => {
    const keys = ["01-triggered.json", "02-acknowledged.json", "03-annotated.json", "04-resolved.json"].map(
      (name) => parseSingleEvent(name).dedupeKey,
    );
    expect(new Set(keys).size).toBe(4);
  });

  it("recognises a re-delivery: same delivery id and dedupe key", () => {
    const first = parseSingleEvent("02-acknowledged.json");
    const retry = parseSingleEvent("02-acknowledged-retry.json");
    expect(retry.deliveryId).toBe(first.deliveryId);
    expect(retry.dedupeKey).toBe(first.dedupeKey);
    expect(retry).toEqual(first);
  });
});

describe("parsePagerDuty: other mapped event types", () => {
  it("maps an escalation with no agent to its new assignees", () => {
    const event = parseSingleEvent("extra-escalated.json");
    expect(event).toMatchObject({ kind: "escalate", actor: null, text: "Escalated to Dana Whitfield" });
  });

  it("maps a status update to a note", () => {
    const event = parseSingleEvent("extra-status-update-published.json");
    expect(event.kind).toBe("note");
    expect(event.text).toBe(
      "Status update: Checkout is failing for some customers. We are rolling back payments-service; next update by 09:40 UTC.",
    );
    expect(event.externalKeys).toEqual(["pd-incident:Q0RIJJZL24RC6W"]);
  });

  it("maps a priority change with the new priority", () => {
    const event = parseSingleEvent("extra-priority-updated.json");
    expect(event).toMatchObject({
      kind: "priority_change",
      priority: "P1",
      text: "Priority changed to P1 by Dana Whitfield",
      externalKeys: ["pd-incident:Q1TQ8ZKV09WA3R"],
    });
  });
});

describe("parsePagerDuty: ignored and hostile deliveries", () => {
  it.each([
    ["ignored-pagey-ping.json", "01JDKW0B1C2D3E4F5G6H7J8K9M", "unknown event type pagey.ping"],
    ["ignored-service-updated.json", "01JDKW4N5P6Q7R8S9T0V1W2X3Y", "unknown event type service.updated"],
  ])("acknowledges %s without events", (name, deliveryId, ignoredReason) => {
    expect(parseFixture(name)).toEqual({ ok: true, deliveryId, events: [], ignoredReason });
  });

  it.each([
    ["hostile-missing-event-id.json", "event.id", "event.id is required"],
    ["hostile-missing-incident-id.json", "event.data.id", "event.data.id is required"],
    ["hostile-wrong-type-title.json", "event.data.title", "event.data.title must be a string"],
    ["hostile-annotated-missing-incident.json", "event.data.incident", "event.data.incident is required"],
    ["hostile-missing-occurred-at.json", "event.occurred_at", "event.occurred_at is required"],
  ])("rejects %s naming %s", (name, field, message) => {
    expect(parseFixture(name)).toEqual({ ok: false, field, message });
  });

  it("rejects a malformed occurred_at rather than guessing a time", () => {
    const outcome = parseFixture("hostile-malformed-occurred-at.json");
    expect(outcome).toMatchObject({ ok: false, field: "event.occurred_at" });
  });

  it("falls back to the Date header only when the payload has no time at all", () => {
    const outcome = parseFixture("hostile-missing-occurred-at.json", { date: "Sun, 29 Nov 2026 09:08:15 GMT" });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.events[0]!.occurredAt.toISOString()).toBe("2026-11-29T09:08:15.000Z");
  });

  it("rejects a body that is not a PagerDuty event at all", () => {
    expect(parsePagerDuty({ body: ["not", "an", "event"], headers: {} })).toMatchObject({ ok: false, field: "body" });
    expect(parsePagerDuty({ body: null, headers: {} })).toMatchObject({ ok: false, field: "body" });
    expect(parsePagerDuty({ body: {}, headers: {} })).toEqual({ ok: false, field: "event", message: "event is required" });
  });

  it("keeps HTML and script in a title as text, byte for byte", () => {
    const event = parseSingleEvent("hostile-html-title.json");
    expect(event.title).toBe("<img src=x onerror=alert(1)><script>alert(1)</script> Checkout API returning 502s");
    expect(event.text).toBe("Triggered: <img src=x onerror=alert(1)><script>alert(1)</script> Checkout API returning 502s");
  });

  it("keeps emoji and non-Latin titles intact", () => {
    const event = parseSingleEvent("hostile-unicode-title.json");
    expect(event.title).toBe("🔥 Checkout API — 502s für Zahlungen · 支付失败 👩🏽‍💻");
  });

  it("produces JSON-safe data", () => {
    const event = parseSingleEvent("01-triggered.json");
    expect(JSON.parse(JSON.stringify(event.data))).toEqual(event.data);
  });
});
