import { describe, expect, it } from "vitest";
import { mergeSection } from "./merge-section";

const s = (text: string, citations: string[] = ["e1"]) => ({ text, citations });

describe("mergeSection (three-way: base, mine, theirs)", () => {
  it("keeps both sides' additions to a statement list, in order", () => {
    const base = { statements: [s("A"), s("B")] };
    const mine = { statements: [s("A"), s("mine after A"), s("B")] };
    const theirs = { statements: [s("A"), s("B"), s("theirs at the end")] };
    expect(mergeSection(base, mine, theirs)).toEqual({ merged: { statements: [s("A"), s("mine after A"), s("B"), s("theirs at the end")] }, conflicts: [] });
  });

  it("honours a deletion from either side", () => {
    const base = { statements: [s("A"), s("B"), s("C")] };
    const mine = { statements: [s("A"), s("C")] };
    const theirs = { statements: [s("A"), s("B")] };
    expect(mergeSection(base, mine, theirs).merged).toEqual({ statements: [s("A")] });
  });

  it("turns an item both sides changed differently into both versions, nothing lost", () => {
    const base = { statements: [s("A")] };
    const merged = mergeSection(base, { statements: [s("A, mine")] }, { statements: [s("A, theirs")] }).merged as { statements: unknown[] };
    expect(merged.statements).toEqual([s("A, mine"), s("A, theirs")]);
  });

  it("merges object fields independently and reports a true conflict, mine winning", () => {
    const base = { startedAt: "t0", endedAt: null, severity: "SEV2", services: ["a"] };
    const mine = { startedAt: "t1", endedAt: null, severity: "SEV1", services: ["a"] };
    const theirs = { startedAt: "t0", endedAt: "t9", severity: "SEV3", services: ["a", "b"] };
    expect(mergeSection(base, mine, theirs)).toEqual({ merged: { startedAt: "t1", endedAt: "t9", severity: "SEV1", services: ["a", "b"] }, conflicts: ["severity"] });
  });

  it("takes theirs when I changed nothing, and mine when they changed nothing", () => {
    const base = { statements: [s("A")] };
    const other = { statements: [s("B")] };
    expect(mergeSection(base, base, other).merged).toEqual(other);
    expect(mergeSection(base, other, base).merged).toEqual(other);
  });
});
