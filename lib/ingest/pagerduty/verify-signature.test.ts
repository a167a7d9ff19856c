import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPagerDutySignature } from "./verify-signature";

// PagerDuty signs the raw UTF-8 bytes; a non-ASCII title checks nothing re-encodes them.
const body = Buffer.from(
  JSON.stringify({
    event: {
      id: "01DEN4HPBQAEQNOVSAHGH9VWKM",
      event_type: "incident.triggered",
      resource_type: "incident",
      occurred_at: "2026-11-29T09:08:04.312Z",
      data: { id: "Q2CHKOUT7X3", type: "incident", title: "Checkout API 5xx – Fehlerquote über 5 % 🚨" },
    },
  }),
  "utf8",
);
const CURRENT = "pd-secret-current";
const NEXT = "pd-secret-next";

const sign = (secret: string, payload: Buffer = body) => createHmac("sha256", secret).update(payload).digest("hex");
const verify = (signature: string | undefined, secrets = [CURRENT], payload: Buffer = body) =>
  verifyPagerDutySignature({
    body: payload,
    headers: signature === undefined ? {} : { "x-pagerduty-signature": signature },
    secrets,
  });

describe("verifyPagerDutySignature", () => {
  it("accepts a v1 signature made with the configured secret", () => {
    expect(verify(`v1=${sign(CURRENT)}`)).toEqual({ ok: true });
  });

  it("rejects a signature made with another secret", () => {
    expect(verify(`v1=${sign("someone-elses-secret")}`)).toEqual({ ok: false, reason: "no v1 signature matches a configured secret" });
  });

  it("accepts any configured secret while rotating", () => {
    expect(verify(`v1=${sign(NEXT)}`, [CURRENT, NEXT])).toEqual({ ok: true });
    expect(verify(`v1=${sign(CURRENT)}`, [NEXT, CURRENT])).toEqual({ ok: true });
  });

  it("accepts when any of several v1 signatures in the header matches", () => {
    expect(verify(`v1=${sign("retired-secret")},v1=${sign(CURRENT)}`)).toEqual({ ok: true });
    expect(verify(`v1=${sign(CURRENT)}, v1=${sign("retired-secret")}`)).toEqual({ ok: true });
    expect(verify(`v1=${sign("retired-secret")},v1=${sign("other-secret")}`).ok).toBe(false);
  });

  it("ignores schemes other than v1", () => {
    expect(verify(`v2=${sign(CURRENT)}`)).toEqual({ ok: false, reason: "X-PagerDuty-Signature has no v1 signature" });
    expect(verify(`v0=whatever,v1=${sign(CURRENT)}`)).toEqual({ ok: true });
  });

  it("rejects a missing or empty header", () => {
    expect(verify(undefined)).toEqual({ ok: false, reason: "missing X-PagerDuty-Signature header" });
    expect(verify("  ").ok).toBe(false);
  });

  it("rejects malformed hex, and a bare digest without the v1= prefix", () => {
    const good = sign(CURRENT);
    for (const header of [`v1=${good.slice(2)}`, `v1=${good}ab`, `v1=${"g".repeat(64)}`, "v1="]) {
      expect(verify(header)).toEqual({ ok: false, reason: "malformed v1 signature: expected 64 hex characters" });
    }
    expect(verify(good)).toEqual({ ok: false, reason: "X-PagerDuty-Signature has no v1 signature" });
  });

  it("still accepts a valid signature next to a malformed one", () => {
    expect(verify(`v1=nothex,v1=${sign(CURRENT)}`)).toEqual({ ok: true });
  });

  it("rejects a body tampered with by one byte", () => {
    const tampered = Buffer.from(body);
    const at = tampered.length - 3;
    tampered.writeUInt8(tampered.readUInt8(at) ^ 0x01, at);
    expect(verify(`v1=${sign(CURRENT)}`, [CURRENT], tampered).ok).toBe(false);
  });

  it("matches the header name case-insensitively", () => {
    const verdict = verifyPagerDutySignature({ body, headers: { "X-PagerDuty-Signature": `v1=${sign(CURRENT)}` }, secrets: [CURRENT] });
    expect(verdict).toEqual({ ok: true });
  });

  it("refuses when no secret is configured", () => {
    expect(verify(`v1=${sign("")}`, [])).toEqual({ ok: false, reason: "no PagerDuty signing secret is configured" });
  });
});
