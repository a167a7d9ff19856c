import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonBody } from "../parse-json-body";
import type { ParsedAlertEvent, ParseOutcome } from "../types";
import { parseOpsgenie } from "./parse";

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/webhooks/opsgenie");
const ALERT_ID = "6f2c1e84-93ab-4d7e-b0c5-2a9e71d4f3b8-1795943283417";

// Read and parse exactly as the webhook route does: raw text through the lossless JSON parser.
function readFixtureBody(name: string): unknown {
  const parsed = parseJsonBody(readFileSync(path.join(FIXTURES, name), "utf8"));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
  return parsed.value;
}

function parseFixture(name: string, headers: Record<string, string> = {}): ParseOutcome {
  return parseOpsgenie({ body: readFixtureBody(name), headers });
}

function parseSingleEvent(name: string, headers: Record<string, string> = {}): ParsedAlertEvent & { deliveryId: string } {
  const outcome = parseFixture(name, headers);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.message}`);
  expect(outcome.events).toHaveLength(1);
  return { ...outcome.events[0]!, deliveryId: outcome.deliveryId };
}

describe("parseOpsgenie: the checkout-api outage", () => {
  it("maps Create to a trigger keyed by alias first, then alert id", () => {
    const event = parseSingleEvent("01-create.json");
    expect(event).toMatchObject({
      kind: "trigger",
      externalKeys: ["og-alias:checkout-api-5xx", `og-alert:${ALERT_ID}`],
      dedupeKey: `og:${ALERT_ID}:Create:1795943283417000210`,
      deliveryId: `og:${ALERT_ID}:Create:1795943283417000210`,
      title: "Checkout API returning 502s",
      services: ["checkout-api"],
      priority: "P3",
      text: "Alert created: Checkout API returning 502s",
      url: null,
      actor: "System",
    });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:08:03.417Z");
    expect(event.data).toMatchObject({
      tinyId: "3187",
      alias: "checkout-api-5xx",
      createdAt: "1795943283417",
      updatedAt: "1795943283417000210",
      team: "payments",
      responders: ["payments"],
      details: { region: "eu-west-1" },
    });
  });

  it("maps Acknowledge to Dana Whitfield by her full name", () => {
    const event = parseSingleEvent("02-acknowledge.json");
    expect(event).toMatchObject({ kind: "acknowledge", actor: "Dana Whitfield", text: "Acknowledged by Dana Whitfield" });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:11:21.804Z");
    expect(event.data).toMatchObject({ username: "dana.whitfield@acme-shop.example" });
  });

  it("maps AddNote to a note carrying the note text", () => {
    const event = parseSingleEvent("03-add-note.json");
    expect(event).toMatchObject({
      kind: "note",
      text: "Note from Dana Whitfield: Rolling back payments-service to v2.30.4",
      priority: "P2",
    });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:19:36.052Z");
    expect(event.data).toMatchObject({ note: "Rolling back payments-service to v2.30.4" });
  });

  it("maps Close to a resolve", () => {
    const event = parseSingleEvent("04-close.json");
    expect(event).toMatchObject({ kind: "resolve", text: "Closed by Dana Whitfield" });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:31:12.733Z");
  });

  it("recognises a re-delivery: same delivery id and dedupe key", () => {
    const first = parseSingleEvent("02-acknowledge.json");
    const retry = parseSingleEvent("02-acknowledge-retry.json");
    expect(retry.deliveryId).toBe(first.deliveryId);
    expect(retry).toEqual(first);
  });
});

describe("parseOpsgenie: nanosecond updatedAt", () => {
  it("arrives as bigint and survives digit for digit in data and the dedupe key", () => {
    const body = readFixtureBody("02-acknowledge.json") as { alert: { updatedAt: unknown } };
    expect(body.alert.updatedAt).toBe(BigInt("1795943481804123457"));
    const event = parseSingleEvent("02-acknowledge.json");
    expect(event.data.updatedAt).toBe("1795943481804123457");
    expect(event.dedupeKey).toBe(`og:${ALERT_ID}:Acknowledge:1795943481804123457`);
  });

  it("tells apart two updates one nanosecond apart", () => {
    const first = parseSingleEvent("02-acknowledge.json");
    const next = parseSingleEvent("precision-acknowledge-1ns-later.json");
    expect(next.data.updatedAt).toBe("1795943481804123458");
    expect(next.dedupeKey).not.toBe(first.dedupeKey);
    expect(next.deliveryId).not.toBe(first.deliveryId);
    expect(next.occurredAt).toEqual(first.occurredAt);
  });
});

describe("parseOpsgenie: ownership, escalation and priority", () => {
  it("maps AssignOwnership to an escalation naming the new owner", () => {
    const event = parseSingleEvent("extra-assign-ownership.json");
    expect(event).toMatchObject({
      kind: "escalate",
      actor: "Sam Okafor",
      text: "Ownership assigned to dana.whitfield@acme-shop.example by Sam Okafor",
    });
  });

  it("maps TakeOwnership to an escalation", () => {
    expect(parseSingleEvent("extra-take-ownership.json")).toMatchObject({ kind: "escalate", text: "Ownership taken by Dana Whitfield" });
  });

  it("maps UpdatePriority with old and new priority", () => {
    const event = parseSingleEvent("extra-update-priority.json");
    expect(event).toMatchObject({ kind: "priority_change", priority: "P2", text: "Priority changed from P3 to P2 by Dana Whitfield" });
    expect(event.data.oldPriority).toBe("P3");
  });

  it("accepts the legacy numeric priority as its P label", () => {
    const body = readFixtureBody("01-create.json") as { alert: Record<string, unknown> };
    body.alert.priority = 3;
    const outcome = parseOpsgenie({ body, headers: {} });
    expect(outcome.ok && outcome.events[0]!.priority).toBe("P3");
  });

  it("needs a time for the documented Escalate body, which has no updatedAt: the Date header", () => {
    expect(parseFixture("extra-escalate-documented-shape.json")).toEqual({
      ok: false,
      field: "alert.updatedAt",
      message: "alert.updatedAt is required",
    });
    const event = parseSingleEvent("extra-escalate-documented-shape.json", { date: "Sun, 29 Nov 2026 09:10:00 GMT" });
    expect(event).toMatchObject({
      kind: "escalate",
      externalKeys: [`og-alert:${ALERT_ID}`],
      title: null,
      text: "Escalated via payments_escalation to Dana Whitfield",
    });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:10:00.000Z");
    // A retry carries a new Date header but must keep its identity.
    const retry = parseSingleEvent("extra-escalate-documented-shape.json", { date: "Sun, 29 Nov 2026 09:12:30 GMT" });
    expect(retry.dedupeKey).toBe(event.dedupeKey);
    expect(event.dedupeKey).toMatch(new RegExp(`^og:${ALERT_ID}:Escalate:body-[0-9a-f]{16}$`));
  });
});

describe("parseOpsgenie: ignored and hostile deliveries", () => {
  it.each([
    ["ignored-add-tags.json", "AddTags", "1795943510447000128"],
    ["hostile-unknown-action.json", "Snooze", "1795943600000000001"],
  ])("acknowledges %s without events", (name, action, updatedAt) => {
    expect(parseFixture(name)).toEqual({
      ok: true,
      deliveryId: `og:${ALERT_ID}:${action}:${updatedAt}`,
      events: [],
      ignoredReason: `unknown event type ${action}`,
    });
  });

  it.each([
    ["hostile-missing-alert-id.json", "alert.alertId", "alert.alertId is required"],
    ["hostile-wrong-type-updated-at.json", "alert.updatedAt", "alert.updatedAt must be an integer epoch timestamp"],
    ["hostile-wrong-type-tags.json", "alert.tags", "alert.tags must be an array"],
    ["hostile-create-missing-message.json", "alert.message", "alert.message is required"],
    ["hostile-note-missing-updated-at.json", "alert.updatedAt", "alert.updatedAt is required"],
  ])("rejects %s naming %s", (name, field, message) => {
    expect(parseFixture(name)).toEqual({ ok: false, field, message });
  });

  it("rejects a body without an action", () => {
    expect(parseOpsgenie({ body: { alert: { alertId: ALERT_ID } }, headers: {} })).toEqual({
      ok: false,
      field: "action",
      message: "action is required",
    });
  });

  it("keeps HTML and script in the message as text, byte for byte", () => {
    const event = parseSingleEvent("hostile-html-title.json");
    expect(event.title).toBe("<img src=x onerror=alert(1)><script>alert(1)</script> Checkout API returning 502s");
  });

  it("keeps emoji and non-Latin titles intact", () => {
    expect(parseSingleEvent("hostile-unicode-title.json").title).toBe("🔥 Checkout API — 502s für Zahlungen · 支付失败 👩🏽‍💻");
  });

  it("produces JSON-safe data", () => {
    const event = parseSingleEvent("01-create.json");
    expect(() => JSON.stringify(event.data)).not.toThrow();
    expect(JSON.parse(JSON.stringify(event.data))).toEqual(event.data);
  });
});
