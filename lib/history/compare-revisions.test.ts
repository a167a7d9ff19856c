import { describe, expect, it } from "vitest";
import { compareRevisions, defaultPair } from "./compare-revisions";

const revisions = [
  { kind: "report" as const, number: 1, sections: { summary: { statements: [{ text: "Old.", citations: [] }] } } },
  { kind: "report" as const, number: 2, sections: { summary: { statements: [{ text: "New.", citations: [] }] } } },
  { kind: "status_update" as const, number: 1, sections: { status: { value: "investigating", statements: [] } } },
];

describe("compareRevisions", () => {
  it("is null when nothing was asked", () => {
    expect(compareRevisions(revisions, undefined)).toBeNull();
    expect(compareRevisions(revisions, { kind: "report" })).toBeNull();
  });

  it("diffs the two revisions asked for (report by default)", () => {
    const result = compareRevisions(revisions, { from: "1", to: "2" });
    expect(result).toMatchObject({ ok: true, diff: { kind: "report", from: 1, to: 2, changed: ["summary"] } });
  });

  it("says which revision does not exist, and what does", () => {
    expect(compareRevisions(revisions, { kind: "status_update", from: "1", to: "3" })).toEqual({ ok: false, kind: "status_update", problem: "This incident has no status update r3 (it has r1)." });
    expect(compareRevisions(revisions, { kind: "report", from: "x", to: "2" })).toMatchObject({ ok: false, problem: "from must be a revision number." });
    expect(compareRevisions(revisions, { kind: "postmortem", from: "1", to: "2" })).toMatchObject({ ok: false, problem: expect.stringContaining("kind must be report or status_update") });
  });
});

describe("defaultPair", () => {
  it("is the newest two of a kind", () => {
    expect(defaultPair([...revisions, { kind: "report", number: 3 }], "report")).toEqual({ from: 2, to: 3 });
    expect(defaultPair(revisions, "status_update")).toBeNull();
  });
});
