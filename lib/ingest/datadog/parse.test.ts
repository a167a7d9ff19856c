import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonBody } from "../parse-json-body";
import type { ParsedAlertEvent, ParseOutcome } from "../types";
import { DATADOG_RECOMMENDED_TEMPLATE, parseDatadog } from "./parse";

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/webhooks/datadog");
const MONITOR_URL_PREFIX = "https://app.datadoghq.com/monitors/987654?group=service%3Acheckout-api%2Cenv%3Aproduction";
const CYCLE_KEY = "dd:987654:cycle-6143829075512764018";

// Read and parse exactly as the webhook route does: raw text through the lossless JSON parser.
function parseText(text: string, headers: Record<string, string> = {}): ParseOutcome {
  const parsed = parseJsonBody(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parseDatadog({ body: parsed.value, headers });
}

function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

function parseFixture(name: string): ParseOutcome {
  return parseText(readFixture(name));
}

function parseSingleEvent(name: string): ParsedAlertEvent & { deliveryId: string } {
  const outcome = parseFixture(name);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.message}`);
  expect(outcome.events).toHaveLength(1);
  return { ...outcome.events[0]!, deliveryId: outcome.deliveryId };
}

describe("parseDatadog: the checkout-api outage (recommended template)", () => {
  it("maps Triggered with the monitor's name, service tag, priority and monitor link", () => {
    const event = parseSingleEvent("01-triggered.json");
    expect(event).toMatchObject({
      deliveryId: "7918347201558823401",
      kind: "trigger",
      externalKeys: ["dd-alert:987654:4e1f8a9c27b3d05e6a18c94f2d7b0e3", "dd-alert:987654"],
      dedupeKey: `${CYCLE_KEY}:alert`,
      title: "Checkout API returning 502s",
      services: ["checkout-api"],
      priority: "P2",
      text: "Triggered: Checkout API returning 502s",
      actor: null,
    });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:08:00.000Z");
    expect(event.url?.startsWith(MONITOR_URL_PREFIX)).toBe(true);
    expect(event.data).toMatchObject({
      template: "custom",
      eventTitle: "[Triggered on {service:checkout-api,env:production}] Checkout API returning 502s",
      date: "1795943280000",
      state: "alert",
      tags: ["env:production", "monitor", "service:checkout-api", "team:payments"],
      org: { id: "1234567", name: "Acme Shop" },
    });
  });

  it("dedupes renotifications (Re-Triggered, Renotify) against the trigger they repeat", () => {
    const trigger = parseSingleEvent("01-triggered.json");
    const reTriggered = parseSingleEvent("02-re-triggered.json");
    const renotify = parseSingleEvent("03-renotify.json");
    expect(reTriggered).toMatchObject({ kind: "trigger", text: "Re-Triggered: Checkout API returning 502s" });
    expect(renotify).toMatchObject({ kind: "trigger", text: "Renotify: Checkout API returning 502s" });
    expect(reTriggered.occurredAt.toISOString()).toBe("2026-11-29T09:18:00.000Z");
    expect(renotify.occurredAt.toISOString()).toBe("2026-11-29T09:28:00.000Z");
    // New events at Datadog (new $ID), the same fact for Sitrep.
    expect(new Set([trigger.deliveryId, reTriggered.deliveryId, renotify.deliveryId]).size).toBe(3);
    expect(reTriggered.dedupeKey).toBe(trigger.dedupeKey);
    expect(renotify.dedupeKey).toBe(trigger.dedupeKey);
  });

  it("maps Recovered to a resolve with its own dedupe key", () => {
    const event = parseSingleEvent("04-recovered.json");
    expect(event).toMatchObject({
      kind: "resolve",
      dedupeKey: `${CYCLE_KEY}:ok`,
      title: "Checkout API returning 502s",
      text: "Recovered: Checkout API returning 502s",
      externalKeys: ["dd-alert:987654:4e1f8a9c27b3d05e6a18c94f2d7b0e3", "dd-alert:987654"],
    });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:31:00.000Z");
  });

  it("recognises a re-delivery: same delivery id and dedupe key", () => {
    const first = parseSingleEvent("01-triggered.json");
    const retry = parseSingleEvent("01-triggered-retry.json");
    expect(retry.deliveryId).toBe(first.deliveryId);
    expect(retry).toEqual(first);
  });

  it("maps Warn to a trigger and No Data to a note, each with its own state", () => {
    const base = JSON.parse(readFixture("01-triggered.json")) as Record<string, string>;
    const warn = parseText(JSON.stringify({ ...base, transition: "Warn", alert_type: "warning" }));
    const noData = parseText(JSON.stringify({ ...base, transition: "No Data" }));
    expect(warn.ok && warn.events[0]).toMatchObject({ kind: "trigger", dedupeKey: `${CYCLE_KEY}:warn` });
    expect(noData.ok && noData.events[0]).toMatchObject({ kind: "note", dedupeKey: `${CYCLE_KEY}:no_data` });
  });
});

describe("parseDatadog: the recommended template itself", () => {
  it("is valid JSON whose every value is a quoted Datadog variable", () => {
    const template = JSON.parse(DATADOG_RECOMMENDED_TEMPLATE) as Record<string, unknown>;
    expect(template).toMatchObject({ id: "$ID", alert_cycle_key: "$ALERT_CYCLE_KEY", transition: "$ALERT_TRANSITION" });
    expect(DATADOG_RECOMMENDED_TEMPLATE).not.toMatch(/:\s*\$/);
  });

  it("once rendered by Datadog, parses exactly like the captured trigger", () => {
    const captured = JSON.parse(readFixture("01-triggered.json")) as Record<string, unknown>;
    const template = JSON.parse(DATADOG_RECOMMENDED_TEMPLATE) as Record<string, unknown>;
    // What Datadog substitutes for each variable, read back from the captured delivery.
    const valueOf = new Map<unknown, unknown>();
    const collect = (shape: Record<string, unknown>, values: Record<string, unknown>) => {
      for (const [key, variable] of Object.entries(shape)) {
        if (typeof variable === "string") valueOf.set(variable, values[key]);
        else collect(variable as Record<string, unknown>, values[key] as Record<string, unknown>);
      }
    };
    collect(template, captured);
    const rendered = DATADOG_RECOMMENDED_TEMPLATE.replace(/"(\$[A-Z_]+)"/g, (_, variable: string) =>
      JSON.stringify(valueOf.get(variable) ?? ""),
    );
    expect(parseText(rendered)).toEqual(parseFixture("01-triggered.json"));
  });
});

describe("parseDatadog: Datadog's default template", () => {
  it("derives the transition, group and monitor id from the title and message", () => {
    const event = parseSingleEvent("default-01-triggered.json");
    expect(event).toMatchObject({
      deliveryId: "7918347201558823401",
      kind: "trigger",
      externalKeys: ["dd-alert:987654:service:checkout-api,env:production", "dd-alert:987654"],
      dedupeKey: "dd:event:7918347201558823401",
      title: "Checkout API returning 502s",
      services: ["checkout-api"],
      priority: null,
      text: "Triggered: Checkout API returning 502s",
    });
    expect(event.occurredAt.toISOString()).toBe("2026-11-29T09:08:00.000Z");
    expect(event.url?.startsWith(MONITOR_URL_PREFIX)).toBe(true);
    expect(event.data).toMatchObject({ template: "default", alertId: "987654", eventType: "query_alert_monitor" });
  });

  it("maps the default template's recovery to the same incident keys", () => {
    const trigger = parseSingleEvent("default-01-triggered.json");
    const recovery = parseSingleEvent("default-04-recovered.json");
    expect(recovery.kind).toBe("resolve");
    expect(recovery.externalKeys).toEqual(trigger.externalKeys);
    expect(recovery.dedupeKey).not.toBe(trigger.dedupeKey);
  });

  it("falls back to the monitor's name when no monitor id can be found", () => {
    const event = parseSingleEvent("default-without-monitor-link.json");
    expect(event).toMatchObject({ kind: "trigger", title: "Checkout API error budget burn", url: null });
    expect(event.externalKeys).toEqual(["dd-monitor-name:Checkout API error budget burn"]);
  });
});

describe("parseDatadog: ignored and hostile deliveries", () => {
  it("acknowledges a notification whose transition Sitrep does not know, without events", () => {
    expect(parseFixture("hostile-unknown-transition.json")).toEqual({
      ok: true,
      deliveryId: "7918360000000000004",
      events: [],
      ignoredReason: "unknown event type Null",
    });
  });

  it.each([
    ["hostile-missing-id.json", "id", "id is required"],
    ["hostile-wrong-type-date.json", "date", "date must be epoch milliseconds"],
    ["hostile-date-in-seconds.json", "date", "date must be epoch milliseconds"],
  ])("rejects %s naming %s", (name, field, message) => {
    expect(parseFixture(name)).toEqual({ ok: false, field, message });
  });

  it("rejects tags that are neither a list string nor an array", () => {
    expect(parseFixture("hostile-wrong-type-tags.json")).toMatchObject({ ok: false, field: "tags" });
  });

  it("keeps an unquoted 19-digit $ID exact", () => {
    const text = readFixture("01-triggered.json").replace('"id": "7918347201558823401"', '"id": 7918347201558823401');
    const outcome = parseText(text);
    expect(outcome.ok && outcome.deliveryId).toBe("7918347201558823401");
  });

  it("keeps HTML and script in a title as text, byte for byte", () => {
    const event = parseSingleEvent("hostile-html-title.json");
    expect(event.title).toBe("<img src=x onerror=alert(1)><script>alert(1)</script> Checkout API returning 502s");
    expect(event.data.eventTitle).toBe(
      "[Triggered on {service:checkout-api,env:production}] <img src=x onerror=alert(1)><script>alert(1)</script> Checkout API returning 502s",
    );
  });

  it("keeps emoji and non-Latin titles intact", () => {
    expect(parseSingleEvent("hostile-unicode-title.json").title).toBe("🔥 Checkout API — 502s für Zahlungen · 支付失败 👩🏽‍💻");
  });
});
