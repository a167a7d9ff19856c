/**
 * Reads a drafted report the way the review checks do: every cited thing with where it sits, and every
 * string a reader will see. Shared by the scenario and edge-case tests and the hit-rate count.
 */
import type { DraftEvidence, DraftSections, Statement } from "@/lib/drafting/types";

/** A statement may stand without citations only if it says so itself. */
export const SAYS_NO_EVIDENCE = /no evidence|not enough evidence|unknown/i;

/** How a root-cause section admits it cannot name a cause. */
export const SAYS_INSUFFICIENT = /not enough evidence|insufficient|no evidence|unknown|undetermined|inconclusive|(could|can) ?not be determined|not (yet )?determined/i;

export type Cited = { path: string; kind: "statement" | "item"; text: string; citations: string[] };

function statements(path: string, list: Statement[]): Cited[] {
  return list.map((statement, index) => ({ path: `${path}[${index}]`, kind: "statement", text: statement.text, citations: statement.citations }));
}

/** Everything in the report that carries citations, with a readable path for failure messages. */
export function citedParts(sections: DraftSections): Cited[] {
  return [
    ...statements("summary.statements", sections.summary.statements),
    ...sections.timeline.items.map((item, index): Cited => ({ path: `timeline.items[${index}]`, kind: "item", text: item.text, citations: item.citations })),
    ...sections.impact.figures.map((figure, index): Cited => ({ path: `impact.figures[${index}]`, kind: "item", text: figure.label, citations: figure.citations })),
    ...statements("impact.statements", sections.impact.statements),
    ...sections.rootCause.candidates.flatMap((candidate, index) => [
      ...statements(`rootCause.candidates[${index}].evidenceFor`, candidate.evidenceFor),
      ...statements(`rootCause.candidates[${index}].evidenceAgainst`, candidate.evidenceAgainst),
    ]),
    ...statements("rootCause.statements", sections.rootCause.statements),
    ...statements("remediation.statements", sections.remediation.statements),
    ...sections.actionItems.items.map((item, index): Cited => ({ path: `actionItems.items[${index}]`, kind: "item", text: item.title, citations: item.citations })),
  ];
}

/** Parts with no citation that do not say "no evidence" (items always need one). */
export function uncitedParts(sections: DraftSections): Cited[] {
  return citedParts(sections).filter((part) => part.citations.length === 0 && !(part.kind === "statement" && SAYS_NO_EVIDENCE.test(part.text)));
}

/** Citations that name no evidence item of this input: invented, or borrowed from another incident. */
export function foreignCitations(sections: DraftSections, evidence: DraftEvidence[]): { path: string; id: string }[] {
  const known = new Set(evidence.map((item) => item.id));
  return citedParts(sections).flatMap((part) => part.citations.filter((id) => !known.has(id)).map((id) => ({ path: part.path, id })));
}

/** Every string a reader of the report sees. */
export function draftedStrings(sections: DraftSections): string[] {
  return [
    ...citedParts(sections).map((part) => part.text),
    ...sections.rootCause.candidates.map((candidate) => candidate.title),
    ...sections.impact.figures.flatMap((figure) => [figure.series, figure.unit ?? ""]),
    ...sections.impact.services,
    ...sections.actionItems.items.flatMap((item) => [item.owner ?? "", item.dueSuggestion ?? ""]),
  ];
}

/** The top-ranked candidate: the drafter ranks, so the first one. */
export function topCandidate(sections: DraftSections) {
  return sections.rootCause.candidates[0] ?? null;
}

/** True when the root-cause section admits it cannot name a cause. */
export function admitsInsufficientEvidence(sections: DraftSections): boolean {
  const confident = sections.rootCause.candidates.some((candidate) => candidate.score > 0.5);
  return !confident || sections.rootCause.statements.some((statement) => SAYS_INSUFFICIENT.test(statement.text));
}
