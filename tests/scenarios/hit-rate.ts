/**
 * Root-cause hit rate: how often the drafter's top-ranked candidate is the cause a careful human
 * finds in the same evidence. Takes the drafter as an argument so the README figure and the tests
 * judge the same function the same way.
 */
import type { DraftInput, DraftSections } from "@/lib/drafting/types";
import { admitsInsufficientEvidence, topCandidate } from "./inspect-sections";
import type { Scenario } from "./scenario";

export type Drafter = (input: DraftInput) => DraftSections;
export type RootCauseVerdict = { hit: boolean; reason: string };
export type HitRate = { hits: number; total: number; rate: number; misses: { name: string; reason: string }[] };

/** Whether the drafted root cause matches the scenario's truth, and why not when it does not. */
export function judgeRootCause(scenario: Scenario, sections: DraftSections): RootCauseVerdict {
  const truth = scenario.truth.rootCause;
  if ("unknowable" in truth) {
    if (admitsInsufficientEvidence(sections)) return { hit: true, reason: "admits the evidence is insufficient" };
    const top = topCandidate(sections);
    return { hit: false, reason: `claims "${top?.title}" (score ${top?.score}) where the cause is unknowable: ${truth.unknowable}` };
  }
  const top = topCandidate(sections);
  if (!top) return { hit: false, reason: "no root-cause candidate" };
  const title = top.title.toLowerCase();
  const missing = truth.keywords.filter((keyword) => !title.includes(keyword.toLowerCase()));
  if (missing.length > 0) return { hit: false, reason: `top candidate "${top.title}" lacks ${missing.map((k) => `"${k}"`).join(", ")}` };
  const proof = new Set(truth.evidenceIds);
  const cited = top.evidenceFor.flatMap((statement) => statement.citations);
  if (!cited.some((id) => proof.has(id))) {
    return { hit: false, reason: `top candidate "${top.title}" cites [${cited.join(", ")}], none of [${truth.evidenceIds.join(", ")}]` };
  }
  return { hit: true, reason: `top candidate "${top.title}"` };
}

/** Top-1 correct over all scenarios; a drafter that throws on a scenario misses it. */
export function rootCauseHitRate(scenarios: Scenario[], draft: Drafter): HitRate {
  const misses: HitRate["misses"] = [];
  for (const scenario of scenarios) {
    let verdict: RootCauseVerdict;
    try {
      verdict = judgeRootCause(scenario, draft(scenario.input));
    } catch (error) {
      verdict = { hit: false, reason: `draftReport threw: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!verdict.hit) misses.push({ name: scenario.name, reason: verdict.reason });
  }
  const total = scenarios.length;
  const hits = total - misses.length;
  return { hits, total, rate: total === 0 ? 0 : hits / total, misses };
}

export function formatHitRate(result: HitRate): string {
  const head = `Root-cause hit rate: ${result.hits}/${result.total} (${Math.round(result.rate * 100)}%)`;
  return [head, ...result.misses.map((miss) => `  miss: ${miss.name} — ${miss.reason}`)].join("\n");
}
