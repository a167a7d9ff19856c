/**
 * Inputs at the edges: the drafter must still return all six sections, say when it cannot tell, and
 * never cite what it was not given.
 */
import { describe, expect, it } from "vitest";
import { draftReport } from "@/lib/drafting/draft-report";
import { SECTION_NAMES, type DraftInput, type DraftSections } from "@/lib/drafting/types";
import { admitsInsufficientEvidence, foreignCitations, SAYS_INSUFFICIENT } from "./inspect-sections";
import { at, incident, story } from "./scenario";

const base = incident({
  key: "INC-9001",
  title: "Edge case",
  severity: "SEV3",
  category: "other",
  status: "triggered",
  services: ["edge-service"],
  startedAt: at("10:00"),
  detectedAt: at("10:00"),
  acknowledgedAt: null,
  resolvedAt: null,
});

function emptyEvidence(): DraftInput {
  return { incident: base, evidence: [], now: at("10:30") };
}

function singleAlert(): DraftInput {
  const s = story("x2", { channel: "Slack #inc-9001", uploader: "Edge Tester" });
  s.alert("10:00", "PagerDuty", { key: "pd-incident:QEDGE01", title: "edge-service error rate high", priority: "P3", service: "edge-service" });
  return { incident: base, evidence: s.evidence, now: at("10:30") };
}

// Senders and uploads can carry nothing to read: an alert without a summary, a blank chat line.
function emptyTexts(): DraftInput {
  const s = story("x3", { channel: "Slack #inc-9001", uploader: "Edge Tester" });
  s.alert("10:00", "Alertmanager", { key: "am-fingerprint:0000", title: "", text: "" });
  s.chat("10:02", "", "");
  s.note("10:03", "Edge Tester", "   ");
  s.change("10:04", "", "");
  return { incident: { ...base, status: "investigating" }, evidence: s.evidence, now: at("10:30") };
}

// The resolve was stamped before the trigger and the acknowledgement before both: skewed clocks.
function disagreeingClocks(): DraftInput {
  const s = story("x4", { channel: "Slack #inc-9001", uploader: "Edge Tester" });
  const alert = { key: "am-fingerprint:5k3w", name: "HighErrorRate", service: "edge-service", title: "5xx above 5%", priority: "critical" };
  s.alert("10:00:30", "Alertmanager", alert);
  s.alert("10:00:05", "Alertmanager", { ...alert, kind: "resolve" });
  s.alert("09:59:58", "PagerDuty", { key: "pd-incident:QEDGE04", title: "edge errors", kind: "acknowledge", actor: "Edge Tester" });
  return {
    incident: { ...base, status: "resolved", startedAt: at("10:00:30"), acknowledgedAt: at("09:59:58"), resolvedAt: at("10:00:05") },
    evidence: s.evidence,
    now: at("10:30"),
  };
}

// The same alert twice (a retry that slipped past dedupe) and two senders disagreeing on severity.
function duplicateAndContradictory(): DraftInput {
  const s = story("x5", { channel: "Slack #inc-9001", uploader: "Edge Tester" });
  const pd = { key: "pd-incident:QEDGE05", title: "edge-service down", priority: "P1", service: "edge-service" };
  s.alert("10:00:10", "PagerDuty", pd);
  s.alert("10:00:10", "PagerDuty", pd);
  s.alert("10:00:12", "Datadog", { key: "dd-alert:5005", title: "edge-service down", priority: "P4", service: "edge-service" });
  s.chat("10:03", "ana", "this is a SEV1, customers are down");
  s.chat("10:04", "bo", "looks minor to me, SEV4 at most, only the beta tenant");
  return { incident: { ...base, severity: "SEV2" }, evidence: s.evidence, now: at("10:30") };
}

function expectSixSections(sections: DraftSections) {
  for (const name of SECTION_NAMES) expect(sections[name], name).toBeDefined();
  expect(Array.isArray(sections.summary.statements)).toBe(true);
  expect(Array.isArray(sections.timeline.items)).toBe(true);
  expect(Array.isArray(sections.impact.figures)).toBe(true);
  expect(Array.isArray(sections.impact.statements)).toBe(true);
  expect(Array.isArray(sections.rootCause.candidates)).toBe(true);
  expect(Array.isArray(sections.rootCause.statements)).toBe(true);
  expect(Array.isArray(sections.remediation.statements)).toBe(true);
  expect(Array.isArray(sections.actionItems.items)).toBe(true);
  expect(sections.rootCause.status).toBe("preliminary");
}

// Negative or fractional minutes would be nonsense on a report, whatever the clocks said.
function expectSaneMinutes(sections: DraftSections) {
  const { durationMinutes, timeToAcknowledgeMinutes, timeToResolveMinutes } = sections.impact;
  for (const value of [durationMinutes, timeToAcknowledgeMinutes, timeToResolveMinutes]) {
    if (value !== null) expect(Number.isInteger(value) && value >= 0, `minutes ${value}`).toBe(true);
  }
}

function expectTimeOrder(sections: DraftSections) {
  const times = sections.timeline.items.map((item) => Date.parse(item.at));
  expect(times.filter(Number.isNaN)).toEqual([]);
  expect(times).toEqual([...times].sort((a, b) => a - b));
}

function saysNotEnoughEvidence(sections: DraftSections): boolean {
  const all = [...sections.rootCause.statements, ...sections.summary.statements];
  return admitsInsufficientEvidence(sections) && all.some((statement) => SAYS_INSUFFICIENT.test(statement.text));
}

describe("draftReport edge cases", () => {
  it("drafts all six sections from no evidence at all, citing nothing", () => {
    const input = emptyEvidence();
    const sections: DraftSections = draftReport(input);
    expectSixSections(sections);
    expect(foreignCitations(sections, input.evidence)).toEqual([]);
    expect(sections.timeline.items).toEqual([]);
    expect(sections.impact.figures).toEqual([]);
    expect(sections.impact.durationMinutes).toBeNull();
    expect(sections.impact.timeToAcknowledgeMinutes).toBeNull();
    expect(saysNotEnoughEvidence(sections)).toBe(true);
  });

  it("drafts from a single alert and says the cause is not established", () => {
    const input = singleAlert();
    const sections: DraftSections = draftReport(input);
    expectSixSections(sections);
    expect(foreignCitations(sections, input.evidence)).toEqual([]);
    expect(sections.timeline.items.map((item) => item.citations)).toEqual([["x2-e01"]]);
    expect(sections.impact.durationMinutes).toBeNull();
    expect(sections.impact.timeToResolveMinutes).toBeNull();
    expect(saysNotEnoughEvidence(sections)).toBe(true);
  });

  it("survives evidence with empty text", () => {
    const input = emptyTexts();
    const sections: DraftSections = draftReport(input);
    expectSixSections(sections);
    expect(foreignCitations(sections, input.evidence)).toEqual([]);
    expectTimeOrder(sections);
    expect(saysNotEnoughEvidence(sections)).toBe(true);
  });

  it("survives clocks that disagree (a resolve stamped before its trigger)", () => {
    const input = disagreeingClocks();
    const sections: DraftSections = draftReport(input);
    expectSixSections(sections);
    expect(foreignCitations(sections, input.evidence)).toEqual([]);
    expectTimeOrder(sections);
    expectSaneMinutes(sections);
  });

  it("keeps the incident's severity and lists a duplicate once when sources repeat and disagree", () => {
    const input = duplicateAndContradictory();
    const sections: DraftSections = draftReport(input);
    expectSixSections(sections);
    expect(foreignCitations(sections, input.evidence)).toEqual([]);
    expectTimeOrder(sections);
    expect(sections.impact.severity).toBe("SEV2");
    const duplicateItems = sections.timeline.items.filter((item) => item.citations.includes("x5-e01") || item.citations.includes("x5-e02"));
    expect(duplicateItems.length).toBe(1);
  });
});
