import { describe, expect, it } from "vitest";
import type { DraftSections } from "@/lib/drafting/types";
import { hashSections, machineVersionOf, mergeMachineDraft } from "./revision-meta";

const machine = (summary: string): DraftSections =>
  ({
    summary: { statements: [{ text: summary, citations: ["e1"] }] },
    timeline: { items: [] },
    impact: { statements: [] },
    rootCause: { status: "preliminary", candidates: [], statements: [] },
    remediation: { statements: [{ text: `fix for ${summary}`, citations: ["e2"] }] },
    actionItems: { items: [] },
  }) as unknown as DraftSections;

describe("mergeMachineDraft", () => {
  it("replaces machine sections and keeps human ones, offering the machine's proposal beside them", () => {
    const human = { statements: [{ text: "Written by the IC", citations: ["e1"] }] };
    const current = { ...machine("old"), summary: human };
    const merged = mergeMachineDraft(current, { origins: { summary: "human" }, suggestions: {} }, machine("new"));
    expect(merged.sections.summary).toEqual(human);
    expect(merged.sections.remediation).toEqual(machine("new").remediation);
    expect(merged.meta.suggestions).toEqual({ summary: machine("new").summary });
    expect(merged.meta.origins).toEqual({ summary: "human" });
  });

  it("offers no suggestion when the machine agrees with the human", () => {
    const current = machine("same");
    const merged = mergeMachineDraft(current, { origins: { summary: "human" }, suggestions: { summary: "stale" } }, machine("same"));
    expect(merged.meta.suggestions).toEqual({});
  });
});

describe("suggestions only for proposals the person has not seen", () => {
  it("stays quiet when the machine repeats the proposal the person edited over, and speaks when it changes", () => {
    const human = { statements: [{ text: "Written by the IC", citations: ["e1"] }] };
    const seen = { summary: hashSections(machine("old").summary) };
    const same = mergeMachineDraft({ ...machine("old"), summary: human }, { origins: { summary: "human" }, suggestions: {}, machineSeen: seen }, machine("old") as never);
    expect(same.meta.suggestions).toEqual({});
    expect(same.meta.machine?.summary).toEqual(machine("old").summary);
    const newer = mergeMachineDraft({ ...machine("old"), summary: human }, { origins: { summary: "human" }, suggestions: {}, machineSeen: seen }, machine("new") as never);
    expect(newer.meta.suggestions).toEqual({ summary: machine("new").summary });
  });

  it("names the machine's version of a section for the diff", () => {
    const current = { ...machine("old"), summary: { statements: [] } };
    expect(machineVersionOf(current, { origins: { summary: "human" }, suggestions: {}, machine: machine("old") as never }, "summary")).toEqual(machine("old").summary);
    expect(machineVersionOf(current, { origins: {}, suggestions: {} }, "remediation")).toEqual(current.remediation);
    expect(machineVersionOf(current, { origins: { summary: "human" }, suggestions: {} }, "summary")).toBeUndefined();
  });
});
