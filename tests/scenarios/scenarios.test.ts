/**
 * Scenario suite for the drafter: realistic incidents with a known answer. Each one checks the
 * root cause ranking against the truth, the impact arithmetic, and the report-wide rules (citations,
 * time order, HTML as data).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { draftReport } from "@/lib/drafting/draft-report";
import type { DraftSections } from "@/lib/drafting/types";
import { SCENARIOS } from "./all-scenarios";
import { formatHitRate, judgeRootCause, rootCauseHitRate } from "./hit-rate";
import { draftedStrings, foreignCitations, uncitedParts } from "./inspect-sections";
import { HTML_PROBE, type Scenario } from "./scenario";

const ALERT_KINDS = new Set(["trigger", "resolve"]);

// Figures may be computed in floating point; the peak is a sample, so only rounding noise is allowed.
const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

// A scenario is "flapping" when one alert fires ten times or more, whatever its name says.
function flappingAlertCount(scenario: Scenario): number {
  const triggers = new Map<string, number>();
  for (const item of scenario.input.evidence) {
    const key = item.kind === "trigger" ? item.data?.alertKey : undefined;
    if (typeof key === "string") triggers.set(key, (triggers.get(key) ?? 0) + 1);
  }
  return Math.max(0, ...triggers.values());
}

describe.each(SCENARIOS)("$name", (scenario) => {
  const { incident, evidence } = scenario.input;
  let sections: DraftSections;

  beforeAll(() => {
    sections = draftReport(scenario.input);
  });

  it("ranks the true root cause first, citing the evidence that proves it", () => {
    const verdict = judgeRootCause(scenario, sections);
    expect(verdict.hit, verdict.reason).toBe(true);
  });

  it("ranks candidates by score and keeps the root cause preliminary", () => {
    expect(sections.rootCause.status).toBe("preliminary");
    const scores = sections.rootCause.candidates.map((candidate) => candidate.score);
    for (const score of scores) expect(score >= 0 && score <= 1, `score ${score} outside 0–1`).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("computes impact times from the incident's own timestamps", () => {
    const { impact } = sections;
    expect({
      durationMinutes: impact.durationMinutes,
      timeToAcknowledgeMinutes: impact.timeToAcknowledgeMinutes,
      timeToResolveMinutes: impact.timeToResolveMinutes,
    }).toEqual({
      durationMinutes: scenario.truth.impact.durationMinutes,
      timeToAcknowledgeMinutes: scenario.truth.impact.timeToAcknowledgeMinutes,
      timeToResolveMinutes: scenario.truth.impact.timeToResolveMinutes,
    });
    expect(Date.parse(impact.startedAt)).toBe(incident.startedAt.getTime());
    expect(impact.endedAt === null ? null : Date.parse(impact.endedAt)).toBe(incident.resolvedAt?.getTime() ?? null);
    expect(impact.severity).toBe(incident.severity);
    // Affected = the incident's services and what alerted; a red-herring change elsewhere is not impact.
    const alerted = scenario.input.evidence
      .filter((e) => e.kind === "trigger" || e.kind === "resolve")
      .flatMap((e) => (Array.isArray(e.data?.services) ? (e.data.services as string[]) : []));
    expect(new Set(impact.services)).toEqual(new Set([...incident.services, ...alerted].map((s) => s.toLowerCase())));
  });

  it("reports the peak of every metric series", () => {
    const figures = sections.impact.figures.map((figure) => ({ series: figure.series, value: figure.value }));
    for (const peak of scenario.truth.impact.peaks) {
      const found = figures.some((figure) => figure.series === peak.series && sameNumber(figure.value, peak.value));
      expect(found, `no figure for ${peak.series} = ${peak.value}; figures: ${JSON.stringify(figures)}`).toBe(true);
    }
  });

  it("cites evidence for every statement, timeline item, figure and action item", () => {
    expect(uncitedParts(sections).map((part) => `${part.path}: ${part.text}`)).toEqual([]);
  });

  it("cites only this incident's evidence", () => {
    expect(foreignCitations(sections, evidence)).toEqual([]);
  });

  it("summarises in two to four statements", () => {
    expect(sections.summary.statements.length).toBeGreaterThanOrEqual(2);
    expect(sections.summary.statements.length).toBeLessThanOrEqual(4);
  });

  it("orders the timeline by time", () => {
    const times = sections.timeline.items.map((item) => Date.parse(item.at));
    expect(times.filter(Number.isNaN), "unparseable timeline times").toEqual([]);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("keeps HTML in the evidence as text, verbatim wherever it is quoted", () => {
    const strings = draftedStrings(sections);
    // Escaping belongs to whoever renders the report; an escaped or stripped copy here would be shown mangled.
    expect(strings.filter((text) => /&lt;|&gt;|&#x?0*3c;|\\u003c/i.test(text))).toEqual([]);
    expect(strings.filter((text) => /alert\(1\)|<\/?script/i.test(text) && !text.includes(HTML_PROBE))).toEqual([]);
    const htmlIds = new Set(evidence.filter((item) => item.text.includes(HTML_PROBE)).map((item) => item.id));
    const quoting = sections.timeline.items.filter((item) => !item.folded && item.citations.length === 1 && htmlIds.has(item.citations[0]!));
    for (const item of quoting) expect(item.text).toContain(HTML_PROBE);
  });

  it("is pure: the same input gives the same report and is left untouched", () => {
    const before = structuredClone(scenario.input);
    expect(draftReport(scenario.input)).toEqual(sections);
    expect(scenario.input).toEqual(before);
  });

  // Registered only where an alert repeats ten times or more, so other scenarios show no skipped test.
  if (flappingAlertCount(scenario) >= 10) {
    it("folds the repeating alert into few timeline items", () => {
      const alerts = evidence.filter((item) => ALERT_KINDS.has(item.kind));
      const items = sections.timeline.items;
      const folded = items.filter((item) => (item.folded?.count ?? 0) >= 10);
      expect(folded.length, "no timeline item folds ten or more repeats").toBeGreaterThanOrEqual(1);
      expect(items.length).toBeLessThan(alerts.length);
      expect(items.filter((item) => ALERT_KINDS.has(item.kind)).length).toBeLessThanOrEqual(Math.floor(alerts.length / 4));
      for (const item of folded) {
        expect(Date.parse(item.folded!.from)).toBeLessThanOrEqual(Date.parse(item.folded!.to));
        expect(item.citations.length).toBeGreaterThanOrEqual(1);
      }
    });
  }
});

describe("root-cause hit rate", () => {
  // Printed for the README; the per-scenario tests above are what fail on a miss.
  it("is computed over every scenario and printed", () => {
    const result = rootCauseHitRate(SCENARIOS, draftReport);
    console.log(formatHitRate(result));
    expect(result.total).toBe(SCENARIOS.length);
  });
});
