import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyGrafanaSignature } from "./verify-signature";

const body = readFileSync(new URL("../../../tests/fixtures/webhooks/grafana/firing.json", import.meta.url));
const SECRET = "grafana-hmac-secret-2026";
const NOW = new Date("2026-11-29T09:08:00Z");
const STAMP = String(NOW.getTime() / 1000);

const sign = (secret: string, payload: Buffer, timestamp?: string) =>
  createHmac("sha256", secret)
    .update(timestamp === undefined ? "" : `${timestamp}:`)
    .update(payload)
    .digest("hex");

const signed = (secret = SECRET, timestamp = STAMP) => ({
  "x-grafana-alerting-signature": sign(secret, body, timestamp),
  "x-grafana-alerting-timestamp": timestamp,
});

const verify = (headers: Record<string, string>, extra: Partial<Parameters<typeof verifyGrafanaSignature>[0]> = {}) =>
  verifyGrafanaSignature({ body, headers, secrets: [SECRET], now: NOW, ...extra });

describe("verifyGrafanaSignature", () => {
  it("accepts a timestamped signature over `<timestamp>:<body>`", () => {
    expect(verify(signed())).toEqual({ ok: true });
  });

  it("accepts a body-only signature when no timestamp header is configured", () => {
    expect(verify({ "x-grafana-alerting-signature": sign(SECRET, body) })).toEqual({ ok: true });
  });

  it("refuses a body-only signature when a timestamp is required", () => {
    const verdict = verify({ "x-grafana-alerting-signature": sign(SECRET, body) }, { requireTimestamp: true });
    expect(verdict).toEqual({ ok: false, reason: "missing x-grafana-alerting-timestamp header" });
  });

  it("rejects a signature made with another secret", () => {
    expect(verify(signed("someone-elses-secret"))).toEqual({ ok: false, reason: "signature does not match any configured secret" });
  });

  it("accepts any of several secrets while rotating", () => {
    const secrets = ["grafana-hmac-secret-2027", SECRET];
    expect(verify(signed(SECRET), { secrets })).toEqual({ ok: true });
    expect(verify(signed("grafana-hmac-secret-2027"), { secrets })).toEqual({ ok: true });
    expect(verify(signed("retired-secret"), { secrets }).ok).toBe(false);
  });

  it("rejects a stale timestamp and a future one beyond the allowed skew", () => {
    const stale = String(Number(STAMP) - 301);
    const future = String(Number(STAMP) + 301);
    expect(verify(signed(SECRET, stale))).toEqual({ ok: false, reason: "stale timestamp: signed 301s ago, more than 300s" });
    expect(verify(signed(SECRET, future))).toEqual({ ok: false, reason: "timestamp 301s in the future, more than 300s" });
    expect(verify(signed(SECRET, String(Number(STAMP) - 300)))).toEqual({ ok: true });
    expect(verify(signed(SECRET, stale), { maxSkewSeconds: 600 })).toEqual({ ok: true });
  });

  it("rejects a signature replayed with a different timestamp", () => {
    const headers = signed();
    headers["x-grafana-alerting-timestamp"] = String(Number(STAMP) - 10);
    expect(verify(headers).ok).toBe(false);
  });

  it("rejects a missing or empty signature header", () => {
    expect(verify({ "x-grafana-alerting-timestamp": STAMP })).toEqual({ ok: false, reason: "missing x-grafana-alerting-signature header" });
    expect(verify({ "x-grafana-alerting-signature": "", "x-grafana-alerting-timestamp": STAMP }).ok).toBe(false);
  });

  it("rejects malformed hex, including a sha256= prefix Grafana never sends", () => {
    const good = sign(SECRET, body, STAMP);
    for (const signature of [good.slice(1), `${good}00`, `z${good.slice(1)}`, `sha256=${good}`]) {
      const verdict = verify({ "x-grafana-alerting-signature": signature, "x-grafana-alerting-timestamp": STAMP });
      expect(verdict).toEqual({ ok: false, reason: "malformed signature: expected 64 hex characters" });
    }
    expect(verify({ ...signed(), "x-grafana-alerting-timestamp": "2026-11-29T09:08:00Z" }).ok).toBe(false);
  });

  it("rejects a body tampered with by one byte", () => {
    const tampered = Buffer.from(body);
    tampered[tampered.indexOf("critical")] = "C".charCodeAt(0);
    expect(verifyGrafanaSignature({ body: tampered, headers: signed(), secrets: [SECRET], now: NOW }).ok).toBe(false);
  });

  it("matches header names case-insensitively, honours custom names and the early default name", () => {
    expect(verify({ "X-Grafana-Alerting-Signature": sign(SECRET, body, STAMP), "X-Grafana-Alerting-Timestamp": STAMP })).toEqual({ ok: true });
    expect(verify({ "x-grafana-alert-signature": sign(SECRET, body) })).toEqual({ ok: true });
    const custom = { "x-sitrep-signature": sign(SECRET, body, STAMP), "x-sitrep-time": STAMP };
    expect(verify(custom, { signatureHeader: "X-Sitrep-Signature", timestampHeader: "X-Sitrep-Time" })).toEqual({ ok: true });
  });

  it("refuses when no secret is configured", () => {
    expect(verify(signed(), { secrets: [""] })).toEqual({ ok: false, reason: "no Grafana signing secret is configured" });
  });
});
