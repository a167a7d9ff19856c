import { authorOf, clip, formatTime, sentence } from "@/lib/drafting/evidence-facts";
import type { DraftEvidence, Statement } from "@/lib/drafting/types";

// What was done, as people write it: rollbacks, restarts, failovers, blocks, renewals, fixes.
const ACTION = /\b(roll(ed|ing)?\s?back|revert|restart|failover|fail(ed)? over|re-?point|scal(e|ed|ing) (up|out)|raise|increas|disable|enable|turn(ed)? off|block|rate.?limit|rotat|renew|restor|purge|patch|fix|switch|reset|reload|mitigat)/i;

/** Mitigation and resolution steps from notes, chat, changes after the start, and status changes. */
export function draftRemediation(evidence: DraftEvidence[], firstAlertAt: Date | null): Statement[] {
  const steps = evidence.filter((e) => {
    if (e.kind === "note" || e.kind === "chat_message") return ACTION.test(e.text) && (!firstAlertAt || e.at >= firstAlertAt);
    if (e.kind === "change") return firstAlertAt !== null && e.at > firstAlertAt;
    return e.kind === "status_change" && /monitoring|resolved/i.test(e.text);
  });
  const statements: Statement[] = steps.slice(0, 8).map((e) => {
    const who = authorOf(e);
    if (e.kind === "change") return { text: sentence(`${formatTime(e.at)}: ${clip(e.text, 200)}`), citations: [e.id] };
    if (e.kind === "status_change") return { text: `${formatTime(e.at)}: ${clip(e.text, 160)}`, citations: [e.id] };
    return { text: `${formatTime(e.at)}${who ? `, ${who}` : ""}: “${clip(e.text, 200)}”`, citations: [e.id] };
  });
  const resolve = [...evidence].reverse().find((e) => e.kind === "resolve");
  if (resolve) statements.push({ text: `The last alert resolved at ${formatTime(resolve.at)} (${resolve.source}).`, citations: [resolve.id] });
  return statements.length > 0 ? statements : [{ text: "Not enough evidence of mitigation steps yet: no notes, chat or changes describe one.", citations: [] }];
}
