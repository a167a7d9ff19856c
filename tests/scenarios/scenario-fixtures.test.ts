/**
 * Checks the scenarios themselves, without the drafter: a wrong truth would make the suite judge the
 * drafter against a mistake, so the truth is recomputed here from the story's own fields.
 */
import { describe, expect, it } from "vitest";
import { SCENARIOS } from "./all-scenarios";
import { HTML_PROBE } from "./scenario";

const minutesBetween = (from: Date, to: Date | null) => (to === null ? null : Math.round((to.getTime() - from.getTime()) / 60_000));

describe("scenario fixtures", () => {
  it("has at least eight scenarios with unique names and evidence ids", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
    const ids = SCENARIOS.flatMap((s) => s.input.evidence.map((item) => item.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^s\d+-e\d{2}$/);
  });

  describe.each(SCENARIOS)("$name", (scenario) => {
    const { incident, evidence } = scenario.input;

    it("tells a story from several sources", () => {
      expect(evidence.length).toBeGreaterThanOrEqual(15);
      expect(evidence.length).toBeLessThanOrEqual(60);
      const kinds = new Set(evidence.map((item) => item.kind));
      for (const kind of ["trigger", "acknowledge", "resolve", "chat_message", "metric_sample", "change", "note", "status_change"] as const) {
        expect(kinds.has(kind), `no ${kind}`).toBe(true);
      }
      const senders = new Set(evidence.filter((item) => item.authorType === "machine" && item.kind !== "metric_sample" && item.kind !== "change").map((item) => item.source));
      expect(senders.size).toBeGreaterThanOrEqual(2);
      const people = new Set(evidence.filter((item) => item.kind === "chat_message").map((item) => item.data?.author));
      expect(people.size).toBeGreaterThanOrEqual(2);
      expect(people.size).toBeLessThanOrEqual(4);
      const series = evidence.filter((item) => item.kind === "metric_sample");
      expect(series.length).toBeGreaterThanOrEqual(1);
      expect(series.length).toBeLessThanOrEqual(3);
      expect(scenario.description.length).toBeGreaterThan(100);
    });

    it("quotes the HTML probe in a chat line", () => {
      expect(evidence.some((item) => item.kind === "chat_message" && item.text.includes(HTML_PROBE))).toBe(true);
    });

    it("has an impact truth that follows the definitions", () => {
      expect(scenario.truth.impact.timeToAcknowledgeMinutes).toBe(incident.acknowledgedAt ? minutesBetween(incident.startedAt, incident.acknowledgedAt) : null);
      expect(scenario.truth.impact.timeToResolveMinutes).toBe(minutesBetween(incident.startedAt, incident.resolvedAt));
      expect(scenario.truth.impact.durationMinutes).toBe(minutesBetween(incident.startedAt, incident.resolvedAt));
      // Half-minutes would make the expected rounding a matter of taste; keep every figure clear of them.
      for (const end of [incident.acknowledgedAt, incident.resolvedAt]) {
        if (!end) continue;
        const fraction = ((end.getTime() - incident.startedAt.getTime()) / 60_000) % 1;
        expect(Math.abs(fraction - 0.5)).toBeGreaterThan(0.02);
      }
      // The incident's times are those of its first trigger, first acknowledgement and last resolve.
      const first = (kind: string) => Math.min(...evidence.filter((item) => item.kind === kind).map((item) => item.at.getTime()));
      expect(incident.startedAt.getTime()).toBe(first("trigger"));
      expect(incident.acknowledgedAt?.getTime()).toBe(first("acknowledge"));
    });

    it("has a peak truth for every series, equal to its largest finite point", () => {
      const series = evidence.filter((item) => item.kind === "metric_sample");
      expect(scenario.truth.impact.peaks.map((peak) => peak.series).sort()).toEqual(series.map((item) => item.data?.series).sort());
      for (const item of series) {
        const points = item.data?.points as [string, number | string][];
        for (let index = 1; index < points.length; index += 1) {
          expect(Date.parse(points[index]![0]) - Date.parse(points[index - 1]![0])).toBe(60_000);
        }
        const finite = points.map(([, value]) => value).filter((value): value is number => typeof value === "number");
        const peak = scenario.truth.impact.peaks.find((p) => p.series === item.data?.series);
        expect(peak?.value).toBe(Math.max(...finite));
        expect(item.data?.max).toBe(Math.max(...finite));
      }
    });

    it("names root-cause evidence that exists", () => {
      const truth = scenario.truth.rootCause;
      if ("unknowable" in truth) {
        expect(truth.unknowable.length).toBeGreaterThan(20);
        return;
      }
      const ids = new Set(evidence.map((item) => item.id));
      expect(truth.keywords.length).toBeGreaterThanOrEqual(1);
      expect(truth.evidenceIds.length).toBeGreaterThanOrEqual(1);
      for (const id of truth.evidenceIds) expect(ids.has(id), id).toBe(true);
    });
  });
});
