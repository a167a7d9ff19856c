import { describe, expect, it } from "vitest";
import { collectCitations } from "@/lib/stakeholder/collect-citations";

describe("collectCitations", () => {
  it("finds citations at any depth and ignores everything that is not an id", () => {
    const sections = {
      summary: { statements: [{ text: "a", citations: ["e1", "e2"] }] },
      timeline: { items: [{ at: "x", text: "b", citations: ["e3"] }, { text: "c", citations: [] }] },
      impact: { figures: [{ label: "x", citations: ["e4", 5, null] }] },
      nextUpdateAt: null,
    };
    expect(collectCitations(sections)).toEqual(["e1", "e2", "e3", "e4"]);
    expect(collectCitations(null)).toEqual([]);
    expect(collectCitations("citations")).toEqual([]);
  });
});
