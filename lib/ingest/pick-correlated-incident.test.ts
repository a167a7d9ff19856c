import { describe, expect, it } from "vitest";
import { pickCorrelatedIncident, type CorrelationCandidate } from "./pick-correlated-incident";

const t = (hhmm: string) => new Date(`2026-11-29T${hhmm}:00Z`);
const c = (id: string, services: string[], startedAt: string, resolvedAt: string | null = null): CorrelationCandidate => ({
  id,
  services,
  startedAt: t(startedAt),
  resolvedAt: resolvedAt ? t(resolvedAt) : null,
});

describe("pickCorrelatedIncident", () => {
  it("joins the same service within the window, case-insensitively", () => {
    expect(pickCorrelatedIncident([c("pd", ["checkout-api"], "09:08")], { services: ["Checkout-API"], occurredAt: t("09:07") })).toBe("pd");
  });

  it("keeps other services and distant times apart", () => {
    expect(pickCorrelatedIncident([c("x", ["search-api"], "09:08")], { services: ["checkout-api"], occurredAt: t("09:08") })).toBeNull();
    expect(pickCorrelatedIncident([c("x", ["checkout-api"], "09:08", "09:30")], { services: ["checkout-api"], occurredAt: t("10:01") })).toBeNull();
    expect(pickCorrelatedIncident([c("x", ["checkout-api"], "09:08")], { services: ["checkout-api"], occurredAt: t("08:30") })).toBeNull();
    expect(pickCorrelatedIncident([c("x", ["checkout-api"], "09:08")], { services: [], occurredAt: t("09:08") })).toBeNull();
  });

  it("prefers an open incident, then the closest start", () => {
    const candidates = [c("old", ["checkout-api"], "08:50", "09:20"), c("open-far", ["checkout-api"], "08:45"), c("open-near", ["checkout-api"], "09:05")];
    expect(pickCorrelatedIncident(candidates, { services: ["checkout-api"], occurredAt: t("09:10") })).toBe("open-near");
  });
});
