import { describe, expect, it } from "vitest";
import { condenseTimeline, MAX_ITEM_CITATIONS, MAX_TIMELINE_ITEMS } from "@/lib/drafting/condense-timeline";
import type { EvidenceKind, TimelineItem } from "@/lib/drafting/types";

const START = Date.UTC(2026, 11, 2, 9, 0, 0);
const at = (second: number) => new Date(START + second * 1000).toISOString();
const line = (second: number, kind: EvidenceKind, text = `${kind} ${second}`): TimelineItem => ({ at: at(second), kind, text, citations: [`e${second}`] });

/** A storm: 1,200 notes and 600 changes around two alerts, one recovery and one status change. */
function storm(): TimelineItem[] {
  const items = Array.from({ length: 1_800 }, (_, i) => line(i + 10, i % 3 === 2 ? "change" : "note"));
  items.push(line(0, "trigger", "Alert: checkout down"), line(900, "trigger", "Alert: payments down"), line(1_500, "status_change", "Status: identified"), line(1_900, "resolve", "Resolved: checkout down"));
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

describe("condenseTimeline", () => {
  it("leaves a timeline under the cap as drafted", () => {
    const items = [line(0, "trigger"), line(60, "acknowledge"), line(120, "note")];
    expect(condenseTimeline(items)).toEqual(items);
  });

  it("cites a sample of a line's evidence past the limit, first and last included", () => {
    const ids = Array.from({ length: 500 }, (_, i) => `e${i}`);
    const [item] = condenseTimeline([{ ...line(0, "trigger"), citations: ids }]);
    expect(item!.citations).toHaveLength(MAX_ITEM_CITATIONS);
    expect(item!.citations[0]).toBe("e0");
    expect(item!.citations.at(-1)).toBe("e499");
    expect(new Set(item!.citations).size).toBe(MAX_ITEM_CITATIONS);
  });

  it("keeps a long timeline under the cap, in time order, with every rare moment on its own line", () => {
    const input = storm();
    const output = condenseTimeline(input);
    expect(output.length).toBeLessThanOrEqual(MAX_TIMELINE_ITEMS);
    expect(output.length).toBeGreaterThan(MAX_TIMELINE_ITEMS / 2);
    expect(output.map((item) => item.at)).toEqual(output.map((item) => item.at).sort());
    for (const text of ["Alert: checkout down", "Alert: payments down", "Status: identified", "Resolved: checkout down"]) {
      expect(output.filter((item) => item.text === text), text).toHaveLength(1);
    }
    expect(output.some((item) => item.kind === "note" && !item.folded)).toBe(true);
    expect(output.some((item) => item.kind === "change" && !item.folded)).toBe(true);
  });

  it("accounts for every moment left out, counted by kind, citing only its own evidence", () => {
    const input = storm();
    const output = condenseTimeline(input);
    expect(output.reduce((n, item) => n + (item.folded?.count ?? 1), 0)).toBe(input.length);
    const folds = output.filter((item) => item.folded);
    expect(folds.length).toBeGreaterThan(0);
    const known = new Set(input.flatMap((item) => item.citations));
    for (const fold of folds) {
      expect(fold.text).toMatch(/^\d+ more moments between \d\d:\d\d UTC and \d\d:\d\d UTC: \d+ (notes?|changes?)( and \d+ (notes?|changes?))?/);
      expect(fold.citations.length).toBeGreaterThan(0);
      expect(fold.citations.length).toBeLessThanOrEqual(MAX_ITEM_CITATIONS);
      expect(fold.citations.every((id) => known.has(id))).toBe(true);
      expect(fold.folded!.from <= fold.folded!.to).toBe(true);
    }
    const fold = folds[0]!;
    const counted = [...fold.text.matchAll(/(\d+) (?:notes?|changes?)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(fold.folded!.count);
  });

  it("is pure: the same timeline gives the same result and is left untouched", () => {
    const input = storm();
    const before = structuredClone(input);
    expect(condenseTimeline(input)).toEqual(condenseTimeline(before));
    expect(input).toEqual(before);
  });
});
