import { authorOf, clip } from "@/lib/drafting/evidence-facts";
import type { ActionItemDraft, DraftEvidence, RootCauseCandidate } from "@/lib/drafting/types";

// Explicit follow-ups anywhere; softer "we should / need to" only in notes, where people write them deliberately.
const FOLLOW_UP = /\b(follow[- ]?ups?|action items?|todo)\b[:\s]*/i;
const SOFT_FOLLOW_UP = /\b(we should|need to|make sure)\b[:\s]*/i;
const DAY = 86_400_000;

/** Follow-ups people wrote down, plus one that addresses the leading root-cause candidate. */
export function draftActionItems(evidence: DraftEvidence[], top: RootCauseCandidate | undefined, endedAt: Date): ActionItemDraft[] {
  const due = (days: number) => new Date(endedAt.getTime() + days * DAY).toISOString().slice(0, 10);
  const written = evidence
    // People's follow-ups only: an agent's finding (a machine note) does not assign work.
    .filter((e) => e.authorType === "human" && (e.kind === "note" || e.kind === "chat_message") && (FOLLOW_UP.test(e.text) || (e.kind === "note" && SOFT_FOLLOW_UP.test(e.text))))
    .flatMap((e) => {
      const marker = FOLLOW_UP.exec(e.text) ?? SOFT_FOLLOW_UP.exec(e.text);
      const body = e.text.slice((marker?.index ?? 0) + (marker?.[0].length ?? 0));
      const parts = body.split(/;|\n|(?<=\.)\s+/).map((p) => p.trim().replace(/\.$/, "")).filter((p) => p.length > 8);
      return parts.slice(0, 4).map((part): ActionItemDraft => ({ title: clip(part, 160), owner: authorOf(e), dueSuggestion: due(14), citations: [e.id] }));
    });
  const fromCause: ActionItemDraft[] =
    top && top.score > 0.5
      ? [{ title: `Confirm the root cause (${clip(top.title, 100)}) and prevent a recurrence`, owner: null, dueSuggestion: due(7), citations: [...new Set(top.evidenceFor.flatMap((s) => s.citations))].slice(0, 5) }]
      : [];
  return [...fromCause, ...written].filter((item) => item.citations.length > 0).slice(0, 8);
}
