import { findForeignCitations } from "@/lib/drafting/check-citations";
import { draftActionItems } from "@/lib/drafting/draft-action-items";
import { draftImpact } from "@/lib/drafting/draft-impact";
import { draftRemediation } from "@/lib/drafting/draft-remediation";
import { draftSummary } from "@/lib/drafting/draft-summary";
import { draftTimeline } from "@/lib/drafting/draft-timeline";
import { byTime } from "@/lib/drafting/evidence-facts";
import { rankRootCauses } from "@/lib/drafting/rank-root-causes";
import type { DraftInput, DraftSections } from "@/lib/drafting/types";

export class ForeignCitationError extends Error {
  constructor(readonly ids: string[]) {
    super(`The draft cites evidence that is not this incident's: ${ids.join(", ")}`);
    this.name = "ForeignCitationError";
  }
}

/**
 * The deterministic drafter: the six sections of an incident report from the incident and its
 * evidence alone, every statement citing the evidence it rests on. Pure and fast (linear in the
 * evidence, bar sorting), so it can run on every new piece of evidence.
 */
export function draftReport(input: DraftInput): DraftSections {
  // Evidence with no text still counts for times; duplicates by id are dropped.
  const seen = new Set<string>();
  // Fresh objects per call, so parsed metric points are cached for this draft only (evidence-facts.ts).
  const evidence = input.evidence
    .filter((e) => !seen.has(e.id) && seen.add(e.id) && !Number.isNaN(e.at.getTime()))
    .map((e) => ({ ...e }))
    .sort(byTime);
  const { incident, now } = input;
  const impact = draftImpact(incident, evidence, now, input.sloTarget);
  const rootCause = rankRootCauses(evidence, incident.services);
  const firstAlert = evidence.find((e) => e.kind === "trigger");
  const sections: DraftSections = {
    summary: { statements: draftSummary(incident, evidence, impact, rootCause) },
    timeline: { items: draftTimeline(evidence) },
    impact,
    rootCause,
    remediation: { statements: draftRemediation(evidence, firstAlert?.at ?? null) },
    // Due dates count from the end (or the start, while it runs), never from the clock, so a re-draft is stable.
    actionItems: { items: draftActionItems(evidence, rootCause.candidates[0], incident.resolvedAt ?? incident.startedAt) },
  };
  const foreign = findForeignCitations(sections, evidence.map((e) => e.id));
  if (foreign.length > 0) throw new ForeignCitationError(foreign);
  return sections;
}
