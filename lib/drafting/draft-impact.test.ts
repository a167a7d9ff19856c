import { describe, expect, it } from "vitest";
import { draftImpact } from "./draft-impact";
import type { DraftEvidence, DraftIncident } from "./types";

const t = (hhmm: string) => new Date(`2026-11-29T${hhmm}:00Z`);
const incident: DraftIncident = {
  key: "INC-1",
  title: "Errors",
  severity: "SEV2",
  category: "outage",
  status: "resolved",
  services: ["Checkout-API"],
  startedAt: t("09:00"),
  detectedAt: t("09:00"),
  acknowledgedAt: t("09:04"),
  resolvedAt: t("09:10"),
};
const points = Array.from({ length: 21 }, (_, i) => [new Date(t("08:55").getTime() + i * 60_000).toISOString(), i >= 5 && i <= 15 ? 10 : 0] as [string, number]);
const rate: DraftEvidence = { id: "m1", at: t("08:55"), kind: "metric_sample", text: "", source: "Prometheus", authorType: "machine", authorName: null, data: { series: "checkout_5xx_per_second", unit: "req/s", points } };
const alert: DraftEvidence = { id: "a1", at: t("09:00"), kind: "trigger", text: "x", source: "PagerDuty", authorType: "machine", authorName: null, data: { services: ["checkout-api"] } };

const ratio: DraftEvidence = {
  id: "m2",
  at: t("08:55"),
  kind: "metric_sample",
  text: "",
  source: "Grafana",
  authorType: "machine",
  authorName: null,
  data: { series: "checkout_api_http_5xx_ratio", points: [[t("09:00").toISOString(), 0.002], [t("09:05").toISOString(), 0.124]] },
};

describe("draftImpact", () => {
  it("measures the peak error ratio against the SLO's error budget", () => {
    const impact = draftImpact(incident, [alert, ratio], t("10:00"), 0.999);
    // 12.4 % errors against a 0.1 % budget: 124 times faster than sustainable.
    expect(impact.figures.find((f) => f.unit === "× budget")).toMatchObject({ value: 124, series: "checkout_api_http_5xx_ratio", citations: ["m2"] });
    expect(impact.statements.map((s) => s.text)).toContain("At its peak, checkout_api_http_5xx_ratio spent the error budget 124× faster than the 99.90% availability SLO allows.");
  });

  it("computes durations from the milestones and never goes negative", () => {
    const impact = draftImpact(incident, [alert], t("10:00"));
    expect(impact).toMatchObject({ durationMinutes: 10, timeToAcknowledgeMinutes: 4, timeToResolveMinutes: 10, services: ["checkout-api"] });
    expect(draftImpact({ ...incident, resolvedAt: t("08:59") }, [alert], t("10:00")).durationMinutes).toBe(0);
  });

  it("reports each series' peak with its window, and estimates requests from a per-second rate", () => {
    const impact = draftImpact(incident, [alert, rate], t("10:00"));
    expect(impact.figures[0]).toMatchObject({ series: "checkout_5xx_per_second", value: 10, window: { from: "2026-11-29T08:55:00.000Z", to: "2026-11-29T09:15:00.000Z" }, citations: ["m1"] });
    // 10 req/s for the ten minutes 09:00–09:10: 6,000 requests.
    expect(impact.figures[1]).toMatchObject({ value: 6000, unit: "req", series: "checkout_5xx_per_second", citations: ["m1"] });
    expect(impact.statements.map((s) => s.text)).toContain("About 6,000 req in checkout_5xx_per_second between 09:00 UTC and 09:10 UTC.");
  });
});
