import { describe, expect, it } from "vitest";
import { diffSection } from "./diff-section";
import { sectionLines } from "./section-lines";

describe("diffSection", () => {
  it("pairs a changed line and marks the words that differ", () => {
    const rows = diffSection(["Checkout failed for 12 minutes.", "Rolled back."], ["Checkout failed for 14 minutes.", "Rolled back."]);
    expect(rows[0]).toMatchObject({ type: "changed" });
    const changed = rows[0] as Extract<(typeof rows)[number], { type: "changed" }>;
    expect(changed.left.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["12"]);
    expect(changed.right.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["14"]);
    expect(rows[1]).toEqual({ type: "same", left: "Rolled back.", right: "Rolled back." });
  });

  it("shows added and removed lines on their own side", () => {
    expect(diffSection(["a"], ["a", "b"])).toEqual([{ type: "same", left: "a", right: "a" }, { type: "added", right: "b" }]);
    expect(diffSection(["a", "b"], ["a"])).toEqual([{ type: "same", left: "a", right: "a" }, { type: "removed", left: "b" }]);
    expect(diffSection(["a"], ["a"]).every((r) => r.type === "same")).toBe(true);
  });
});

describe("sectionLines", () => {
  it("reads a section as a person would, with citations as evidence numbers", () => {
    const label = (id: string) => ({ e1: "1", e2: "2" })[id] ?? "?";
    expect(sectionLines("summary", { statements: [{ text: "It broke.", citations: ["e1", "e2"] }, { text: "Unsourced.", citations: [] }] }, label)).toEqual([
      "It broke. [1][2]",
      "Unsourced. (no evidence)",
    ]);
    expect(sectionLines("timeline", { items: [{ at: "2026-11-29T09:14:00.000Z", kind: "trigger", text: "Alert", citations: ["e1"], hidden: true }] }, label)).toEqual([
      "2026-11-29 09:14 Alert [1] (hidden)",
    ]);
    expect(sectionLines("actionItems", { items: [{ title: "Add a canary", owner: "Dana", dueAt: "2026-12-10", dueSuggestion: null, status: "in_progress", citations: [] }] })).toEqual([
      "Add a canary · owner Dana · due 2026-12-10 · in_progress (no evidence)",
    ]);
    expect(sectionLines("rootCause", { status: "confirmed", statements: [], candidates: [{ title: "Bad deploy", score: 0.9 }], chosen: 0 })).toEqual(["Status: confirmed", "Candidate 1 (chosen): Bad deploy"]);
  });
});
