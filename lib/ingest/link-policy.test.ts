import { describe, expect, it } from "vitest";
import { isLinkUsable, normalizeServices } from "./link-policy";

const t = (iso: string) => new Date(`2026-11-29T${iso}:00Z`);

describe("isLinkUsable", () => {
  it("always follows a per-incident key, and any key of an open incident", () => {
    expect(isLinkUsable("pd-incident:Q1", { resolvedAt: t("09:30") }, { at: new Date("2026-12-29T09:00:00Z") })).toBe(true);
    expect(isLinkUsable("am-fingerprint:abc", { resolvedAt: null }, { at: new Date("2026-12-29T09:00:00Z") })).toBe(true);
  });

  it("lets a recurring key reopen a recent incident but not an old one", () => {
    expect(isLinkUsable("am-fingerprint:abc", { resolvedAt: t("09:30") }, { at: t("10:15") })).toBe(true);
    expect(isLinkUsable("am-fingerprint:abc", { resolvedAt: t("09:30") }, { at: t("11:00") })).toBe(false);
    expect(isLinkUsable("og-alias:checkout", { resolvedAt: t("09:30") }, { at: new Date("2026-12-06T09:00:00Z") })).toBe(false);
  });
});

describe("group keys", () => {
  it("join alerts of the same group only when they share a service", () => {
    const open = { resolvedAt: null, services: ["checkout-api"] };
    expect(isLinkUsable("am-group:{}:{alertname=\"HighErrorRate\"}", open, { at: t("09:10"), services: ["checkout-api"] })).toBe(true);
    expect(isLinkUsable("am-group:{}:{alertname=\"HighErrorRate\"}", open, { at: t("09:10"), services: ["billing-api"] })).toBe(false);
    expect(isLinkUsable("am-fingerprint:abc", open, { at: t("09:10"), services: ["billing-api"] })).toBe(true);
  });
});

describe("normalizeServices", () => {
  it("lower-cases, trims and de-duplicates", () => {
    expect(normalizeServices([" Checkout-API", "checkout-api", "", "Payments"])).toEqual(["checkout-api", "payments"]);
  });
});
