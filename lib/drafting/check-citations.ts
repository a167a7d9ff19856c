import type { DraftSections } from "@/lib/drafting/types";

/** Every evidence id a draft cites, wherever it cites it. */
export function collectCitations(sections: DraftSections): string[] {
  const ids: string[] = [];
  const add = (list: { citations: string[] }[]) => list.forEach((s) => ids.push(...s.citations));
  add(sections.summary.statements);
  add(sections.timeline.items);
  add(sections.impact.statements);
  add(sections.impact.figures);
  add(sections.rootCause.statements);
  sections.rootCause.candidates.forEach((c) => (add(c.evidenceFor), add(c.evidenceAgainst)));
  add(sections.remediation.statements);
  add(sections.actionItems.items);
  return ids;
}

/** Citations that point outside this incident's evidence; a draft with any is rejected. */
export function findForeignCitations(sections: DraftSections, evidenceIds: Iterable<string>): string[] {
  const known = new Set(evidenceIds);
  return [...new Set(collectCitations(sections).filter((id) => !known.has(id)))];
}
