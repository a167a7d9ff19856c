import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJsonBody } from "../parse-json-body";
import type { ParsedAlertEvent, ParseOutcome } from "../types";
import { parseAlertmanager } from "./parse";

const readFixture = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/webhooks/alertmanager/${name}`, import.meta.url), "utf8");

function readBody(name: string): Record<string, unknown> {
  const json = parseJsonBody(readFixture(name));
  if (!json.ok) throw new Error(json.message);
  return json.value as Record<string, unknown>;
}

const parse = (body: unknown) => parseAlertmanager({ body, headers: { "content-type": "application/json" } });

function parseOk(body: unknown): Extract<ParseOutcome, { ok: true }> {
  const outcome = parse(body);
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.field}: ${outcome.message}`);
  return outcome;
}

const only = (outcome: Extract<ParseOutcome, { ok: true }>): ParsedAlertEvent => {
  expect(outcome.events).toHaveLength(1);
  return outcome.events[0]!;
};

const FINGERPRINT = "450d68e9567bfd2d";
const GROUP_KEY = '{}/{severity="critical"}:{alertname="HighErrorRate", service="checkout-api"}';
const LABELS = {
  alertname: "HighErrorRate",
  env: "production",
  job: "checkout-api",
  namespace: "shop",
  service: "checkout-api",
  severity: "critical",
  team: "payments",
};

describe("parseAlertmanager: the checkout-api outage", () => {
  it("maps the firing notification to a trigger at startsAt", () => {
    const outcome = parseOk(readBody("firing.json"));
    expect(outcome.deliveryId).toMatch(/^[0-9a-f]{64}$/);
    expect(only(outcome)).toEqual({
      kind: "trigger",
      occurredAt: new Date("2026-11-29T09:07:30.512Z"),
      externalKeys: [`am-fingerprint:${FINGERPRINT}`, `am-group:${GROUP_KEY}`],
      dedupeKey: `am:${FINGERPRINT}:firing:2026-11-29T09:07:30.512Z`,
      title: "Checkout API 5xx error rate above 5%",
      services: ["checkout-api"],
      priority: "critical",
      text: "[FIRING] HighErrorRate checkout-api: Checkout API 5xx error rate above 5%",
      url: expect.stringMatching(/^http:\/\/prometheus\.example\.com:9090\/graph\?g0\.expr=.+&g0\.tab=1$/),
      actor: null,
      data: {
        fingerprint: FINGERPRINT,
        status: "firing",
        labels: LABELS,
        annotations: {
          description: "7.31% of requests to checkout-api returned 5xx over the last 5 minutes (threshold 5%).",
          runbook_url: "https://runbooks.example.com/checkout-api/high-error-rate",
          summary: "Checkout API 5xx error rate above 5%",
        },
        startsAt: "2026-11-29T09:07:30.512Z",
        endsAt: null,
        receiver: "sitrep",
        groupKey: GROUP_KEY,
        groupLabels: { alertname: "HighErrorRate", service: "checkout-api" },
        externalURL: "http://alertmanager.example.com:9093",
        truncatedAlerts: 0,
      },
    });
  });

  it("gives a repeat notification of the same firing the same dedupe key and delivery id", () => {
    // The repeat differs on the wire (Prometheus re-templated the description's value).
    expect(readFixture("firing-repeat.json")).not.toBe(readFixture("firing.json"));
    const first = parseOk(readBody("firing.json"));
    const repeat = parseOk(readBody("firing-repeat.json"));
    expect(only(repeat).dedupeKey).toBe(only(first).dedupeKey);
    expect(repeat.deliveryId).toBe(first.deliveryId);
    expect(parseOk(readBody("firing.json")).deliveryId).toBe(first.deliveryId);
  });

  it("maps the resolved notification to a resolve at endsAt, on the same incident keys", () => {
    const firing = only(parseOk(readBody("firing.json")));
    const outcome = parseOk(readBody("resolved.json"));
    const resolved = only(outcome);
    expect(resolved).toMatchObject({
      kind: "resolve",
      occurredAt: new Date("2026-11-29T09:30:10.512Z"),
      dedupeKey: `am:${FINGERPRINT}:resolved:2026-11-29T09:30:10.512Z`,
      text: "[RESOLVED] HighErrorRate checkout-api: Checkout API 5xx error rate above 5%",
      data: { status: "resolved", startsAt: "2026-11-29T09:07:30.512Z", endsAt: "2026-11-29T09:30:10.512Z" },
    });
    expect(resolved.externalKeys).toEqual(firing.externalKeys);
    expect(resolved.dedupeKey).not.toBe(firing.dedupeKey);
    expect(outcome.deliveryId).not.toBe(parseOk(readBody("firing.json")).deliveryId);
  });

  it("does not dedupe a re-fire after resolve (new startsAt)", () => {
    const body = readBody("firing.json");
    const [alert] = body.alerts as Record<string, unknown>[];
    alert!.startsAt = "2026-11-29T09:41:30.512Z";
    const refire = parseOk(body);
    const first = parseOk(readBody("firing.json"));
    expect(only(refire).dedupeKey).toBe(`am:${FINGERPRINT}:firing:2026-11-29T09:41:30.512Z`);
    expect(only(refire).dedupeKey).not.toBe(only(first).dedupeKey);
    expect(refire.deliveryId).not.toBe(first.deliveryId);
  });

  it("splits a grouped notification into one event per alert, in order", () => {
    const outcome = parseOk(readBody("grouped-mixed.json"));
    const [latency, errors] = outcome.events;
    expect(outcome.events).toHaveLength(2);
    expect(latency).toMatchObject({
      kind: "trigger",
      occurredAt: new Date("2026-11-29T09:12:00.512Z"),
      title: "Checkout API p99 latency above 1.5s",
      priority: "warning",
      services: ["checkout-api"],
      externalKeys: [expect.stringMatching(/^am-fingerprint:[0-9a-f]{16}$/), 'am-group:{}/{team="payments"}:{service="checkout-api"}'],
    });
    // The same resolution seen through another route is the same fact.
    expect(errors).toMatchObject({ kind: "resolve", occurredAt: new Date("2026-11-29T09:30:10.512Z") });
    expect(errors!.dedupeKey).toBe(only(parseOk(readBody("resolved.json"))).dedupeKey);
  });

  it("derives the delivery id from the alerts regardless of their order", () => {
    const body = readBody("grouped-mixed.json");
    const id = parseOk(body).deliveryId;
    body.alerts = [...(body.alerts as unknown[])].reverse();
    expect(parseOk(body).deliveryId).toBe(id);
  });
});

describe("parseAlertmanager: hostile and unusual payloads", () => {
  it("keeps HTML and script in summaries verbatim as data", () => {
    expect(readFixture("html-summary.json")).toContain("\\u003cimg src=x onerror=alert(1)\\u003e");
    const [img, script] = parseOk(readBody("html-summary.json")).events;
    expect(img!.title).toBe("<img src=x onerror=alert(1)>");
    expect(img!.text).toBe("[FIRING] HighErrorRate checkout-api: <img src=x onerror=alert(1)>");
    expect(script!.title).toBe("<script>alert(1)</script>");
    expect(img!.dedupeKey).not.toBe(script!.dedupeKey);
  });

  it("keeps unicode intact", () => {
    const event = only(parseOk(readBody("unicode.json")));
    expect(event.title).toBe("Kasse: Fehlerquote über 5 % – 決済エラー急増 🚨");
    expect(event.data.labels).toMatchObject({ site: "東京-1" });
  });

  it.each([
    ["missing-fingerprint.json", "alerts.0.fingerprint", "alerts.0.fingerprint is required"],
    ["alerts-not-array.json", "alerts", "alerts must be an array"],
    ["starts-at-not-a-date.json", "alerts.0.startsAt", "alerts.0.startsAt is invalid: Invalid ISO datetime"],
    ["unsupported-version.json", "version", `version "5" is not supported: Sitrep reads Alertmanager payload version "4"`],
  ])("rejects %s naming %s", (name, field, message) => {
    expect(parse(readBody(name))).toEqual({ ok: false, field, message });
  });

  it("names the root, a missing version, a mistyped label and a resolved alert without endsAt", () => {
    expect(parse([1, 2])).toMatchObject({ ok: false, field: "body" });
    expect(parse(null)).toEqual({ ok: false, field: "body", message: "body must be a JSON object (the Alertmanager webhook payload)" });
    const noVersion = readBody("firing.json");
    delete noVersion.version;
    expect(parse(noVersion)).toEqual({ ok: false, field: "version", message: "version is required" });
    const numberLabel = readBody("firing.json");
    (numberLabel.alerts as { labels: Record<string, unknown> }[])[0]!.labels.severity = 2;
    expect(parse(numberLabel)).toEqual({ ok: false, field: "alerts.0.labels.severity", message: "alerts.0.labels.severity must be a string" });
    const zeroEnd = readBody("resolved.json");
    (zeroEnd.alerts as Record<string, unknown>[])[0]!.endsAt = "0001-01-01T00:00:00Z";
    expect(parse(zeroEnd)).toEqual({ ok: false, field: "alerts.0.endsAt", message: "alerts.0.endsAt must be set on a resolved alert" });
  });

  it("accepts a notification with no alerts but says why nothing happened", () => {
    const body = readBody("firing.json");
    body.alerts = [];
    expect(parseOk(body)).toMatchObject({ events: [], ignoredReason: "notification carries no alerts" });
  });

  it("falls back to job, then app, for the service and to alertname for the title", () => {
    const body = readBody("firing.json");
    const alert = (body.alerts as { labels: Record<string, string>; annotations: Record<string, string> }[])[0]!;
    delete alert.labels.service;
    alert.labels.job = "kubernetes-pods";
    alert.annotations = {};
    expect(only(parseOk(body))).toMatchObject({ services: ["kubernetes-pods"], title: "HighErrorRate", text: "[FIRING] HighErrorRate kubernetes-pods" });
    delete alert.labels.job;
    alert.labels.app = "checkout";
    expect(only(parseOk(body)).services).toEqual(["checkout"]);
    delete alert.labels.app;
    expect(only(parseOk(body)).services).toEqual([]);
  });

  it("produces JSON-safe data", () => {
    for (const event of parseOk(readBody("grouped-mixed.json")).events) {
      expect(JSON.parse(JSON.stringify(event.data))).toEqual(event.data);
    }
  });
});
