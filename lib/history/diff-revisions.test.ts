import { describe, expect, it } from "vitest";
import { changedSectionNames, diffRevisions, diffSectionContent } from "./diff-revisions";

const stmt = (text: string, citations: string[] = ["e1"]) => ({ statements: [{ text, citations }] });
const report = (number: number, summary: string, extra: Record<string, unknown> = {}) => ({ kind: "report" as const, number, sections: { summary: stmt(summary), remediation: stmt("Rolled back."), ...extra } });

describe("diffRevisions", () => {
  it("diffs two revisions section by section, in reading order, and names the changed ones", () => {
    const diff = diffRevisions(report(1, "Checkout failed for 12 minutes."), report(2, "Checkout failed for 14 minutes."), (id) => (id === "e1" ? "1" : "?"));
    expect(diff).toMatchObject({ kind: "report", from: 1, to: 2, changed: ["summary"] });
    expect(diff.sections.map((s) => s.name)).toEqual(["summary", "remediation"]);
    const summary = diff.sections[0]!;
    expect(summary).toMatchObject({ title: "Summary", added: 1, removed: 1 });
    expect(summary.rows[0]).toMatchObject({ type: "changed" });
    const words = summary.rows[0]!.type === "changed" ? summary.rows[0]!.right.filter((p) => p.kind === "added").map((p) => p.text) : [];
    expect(words).toEqual(["14"]);
    expect(diff.sections[1]).toMatchObject({ name: "remediation", added: 0, removed: 0 });
  });

  it("shows a section only one revision has as wholly added (or removed), and unknown sections last", () => {
    const diff = diffRevisions(report(1, "A."), report(2, "A.", { actionItems: { items: [{ title: "Add a canary", owner: null, dueSuggestion: null, citations: [] }] }, zExtra: "x" }));
    expect(diff.sections.map((s) => s.name)).toEqual(["summary", "remediation", "actionItems", "zExtra"]);
    expect(diff.sections.find((s) => s.name === "actionItems")).toMatchObject({ added: 1, removed: 0 });
    expect(diff.changed).toEqual(["actionItems", "zExtra"]);
    expect(diffRevisions(report(2, "A.", { timeline: { items: [] } }), report(1, "A.")).changed).toEqual([]);
  });

  it("refuses to compare a report with a status update", () => {
    expect(() => diffRevisions(report(1, "A."), { kind: "status_update", number: 1, sections: {} })).toThrow(/Cannot compare/);
  });

  it("diffs one section's content, e.g. an edit's before and after", () => {
    const diff = diffSectionContent("status_update", "status", { value: "investigating", statements: [] }, { value: "monitoring", statements: [] });
    expect(diff).toMatchObject({ title: "Status", added: 1, removed: 1 });
  });
});

describe("changedSectionNames", () => {
  it("compares content structurally, whatever the key order", () => {
    expect(changedSectionNames("report", { summary: { statements: [], x: 1 }, remediation: stmt("a") }, { remediation: stmt("a"), summary: { x: 1, statements: [] } })).toEqual([]);
    expect(changedSectionNames("report", { summary: stmt("a") }, { summary: stmt("b"), impact: null })).toEqual(["summary"]);
  });
});
