import { alertTitle, authorOf, clip, formatNumber, formatTime, metricPoints, seriesName } from "@/lib/drafting/evidence-facts";
import { condenseTimeline } from "@/lib/drafting/condense-timeline";
import type { DraftEvidence, TimelineItem } from "@/lib/drafting/types";

// Chat lines that record something done or found, as opposed to chatter.
const SIGNIFICANT_CHAT = /\b(roll(ed|ing)?\s?back|revert|restart|failover|fail(ed)? over|scal(e|ed|ing)|deploy|disable|enable|flag|purge|rotat|renew|block|patch|fix|mitigat|root cause|caused by|confirm|identified|recover|back to normal|resolved)\b/i;
const FOLD_AT = 3;
// Beyond this many metric series the timeline names the rest in one line (impact lists every peak).
const MAX_METRIC_ITEMS = 10;
const SAME_ALERT_MS = 2 * 60_000;

function describe(e: DraftEvidence): string {
  const who = authorOf(e);
  switch (e.kind) {
    case "trigger":
      return `Alert: ${alertTitle(e)} (${e.source})`;
    case "resolve":
      return `Resolved: ${alertTitle(e)} (${e.source})`;
    case "acknowledge":
      return `Acknowledged${who ? ` by ${who}` : ""} (${e.source})`;
    case "escalate":
      return `Escalated${who ? ` to ${who}` : ""} (${e.source})`;
    case "priority_change":
      return `Priority changed: ${clip(e.text)} (${e.source})`;
    case "change":
      return `Change: ${clip(e.text)}`;
    case "note":
      return `Note${who ? ` from ${who}` : ""}: ${clip(e.text)}`;
    case "chat_message":
      return `${who ?? "Someone"} in ${e.source}: “${clip(e.text)}”`;
    case "status_change":
      return clip(e.text);
    case "metric_sample": {
      const points = metricPoints(e);
      const peak = points.reduce<{ t: number; value: number } | null>((best, p) => (!best || p.value > best.value ? p : best), null);
      return peak ? `${seriesName(e)} peaked at ${formatNumber(peak.value)} at ${formatTime(new Date(peak.t))}` : clip(e.text);
    }
  }
}

const item = (e: DraftEvidence, citations = [e.id]): TimelineItem => ({ at: e.at.toISOString(), kind: e.kind, text: describe(e), citations });

/**
 * The significant moments in order: alerts de-duplicated across senders (the same alert title
 * within two minutes is one moment, citing every sender), repeats folded into one line, chatter
 * left out, every item citing its evidence; a long incident's timeline condensed to its key moments.
 */
export function draftTimeline(evidence: DraftEvidence[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  const alertGroups = new Map<string, DraftEvidence[]>();
  const metrics = evidence.filter((e) => e.kind === "metric_sample");
  if (metrics.length > MAX_METRIC_ITEMS) {
    const rest = metrics.slice(MAX_METRIC_ITEMS);
    items.push({ at: rest[0]!.at.toISOString(), kind: "metric_sample", text: `${rest.length} more metric series attached (see impact)`, citations: rest.map((e) => e.id) });
  }
  const shownMetrics = new Set(metrics.slice(0, MAX_METRIC_ITEMS));
  for (const e of evidence) {
    if (e.kind === "trigger" || e.kind === "resolve") {
      const key = alertTitle(e).toLowerCase();
      const group = alertGroups.get(key);
      if (group) group.push(e);
      else alertGroups.set(key, [e]);
    } else if (e.kind === "chat_message") {
      if (SIGNIFICANT_CHAT.test(e.text)) items.push(item(e));
    } else if (e.kind === "metric_sample") {
      if (shownMetrics.has(e)) items.push(item(e));
    } else {
      items.push(item(e));
    }
  }
  for (const [, group] of alertGroups) {
    const triggers = group.filter((e) => e.kind === "trigger");
    if (triggers.length >= FOLD_AT) {
      const first = group[0]!;
      const last = group[group.length - 1]!;
      const resolves = group.length - triggers.length;
      items.push({
        at: first.at.toISOString(),
        kind: "trigger",
        text: `${triggers.length} repeats of ${alertTitle(first)} between ${formatTime(first.at)} and ${formatTime(last.at)}${resolves ? ` (resolved ${resolves} times in between)` : ""}`,
        citations: group.map((e) => e.id),
        folded: { count: triggers.length, from: first.at.toISOString(), to: last.at.toISOString() },
      });
      continue;
    }
    // The same alert from several senders within two minutes is one moment.
    let current: DraftEvidence[] = [];
    const flush = () => {
      if (current.length) items.push(item(current[0]!, current.map((e) => e.id)));
      current = [];
    };
    for (const e of group) {
      const head = current[0];
      if (head && (head.kind !== e.kind || e.at.getTime() - head.at.getTime() > SAME_ALERT_MS)) flush();
      current.push(e);
    }
    flush();
  }
  return condenseTimeline(items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));
}
