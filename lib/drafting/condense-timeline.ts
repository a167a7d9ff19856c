import { formatTime } from "@/lib/drafting/evidence-facts";
import type { EvidenceKind, TimelineItem } from "@/lib/drafting/types";

/** Past this many lines a report's timeline is a log, not a story: the drafter keeps key moments and folds the rest. */
export const MAX_TIMELINE_ITEMS = 150;
/** A line standing for many entries cites a sample of them (first, last, evenly between); the incident's own timeline has every one. */
export const MAX_ITEM_CITATIONS = 12;

const NOUNS: Record<EvidenceKind, [string, string]> = {
  trigger: ["alert", "alerts"],
  resolve: ["recovery", "recoveries"],
  acknowledge: ["acknowledgement", "acknowledgements"],
  escalate: ["escalation", "escalations"],
  priority_change: ["priority change", "priority changes"],
  change: ["change", "changes"],
  note: ["note", "notes"],
  chat_message: ["chat message", "chat messages"],
  metric_sample: ["metric series", "metric series"],
  status_change: ["status change", "status changes"],
};

/** `count` of `list`, evenly spaced, the first and the last included. */
function spread<T>(list: T[], count: number): T[] {
  if (count >= list.length) return list;
  if (count <= 0) return [];
  if (count === 1) return [list[0]!];
  return Array.from({ length: count }, (_, i) => list[Math.round((i * (list.length - 1)) / (count - 1))]!);
}

/**
 * How many moments of each kind to keep: every kind gets an equal share of the lines, and what a
 * rare kind does not use goes to the others, so two alerts are never crowded out by a thousand notes.
 */
function shareByKind(items: TimelineItem[], budget: number): Map<EvidenceKind, number[]> {
  const byKind = new Map<EvidenceKind, number[]>();
  items.forEach((item, i) => {
    const list = byKind.get(item.kind);
    if (list) list.push(i);
    else byKind.set(item.kind, [i]);
  });
  const kinds = [...byKind.entries()].sort((a, b) => a[1].length - b[1].length);
  const kept = new Map<EvidenceKind, number[]>();
  let room = budget;
  kinds.forEach(([kind, indices], k) => {
    const share = Math.floor(room / (kinds.length - k));
    const picked = spread(indices, share);
    kept.set(kind, picked);
    room -= picked.length;
  });
  return kept;
}

function foldGap(gap: TimelineItem[]): TimelineItem {
  if (gap.length === 1) return gap[0]!;
  const counts = new Map<EvidenceKind, number>();
  gap.forEach((item) => counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1));
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const parts = byCount.map(([kind, n]) => `${n} ${NOUNS[kind][n === 1 ? 0 : 1]}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  const first = gap[0]!;
  const to = gap.reduce((latest, item) => (item.folded && item.folded.to > latest ? item.folded.to : latest), gap.at(-1)!.at);
  return {
    at: first.at,
    kind: byCount[0]![0],
    text: `${gap.length} more moments between ${formatTime(new Date(first.at))} and ${formatTime(new Date(to))}: ${list}`,
    citations: spread(gap.flatMap((item) => item.citations), MAX_ITEM_CITATIONS),
    folded: { count: gap.length, from: first.at, to },
  };
}

/**
 * A timeline a person can read: up to the cap it is left as drafted (bar citation samples);
 * past it, key moments of every kind, evenly spread over the incident, keep their own lines and
 * each run of moments left out between two of them becomes one line that counts what it holds.
 * Input and output are in time order.
 */
export function condenseTimeline(items: TimelineItem[]): TimelineItem[] {
  const capped = items.map((item) => (item.citations.length > MAX_ITEM_CITATIONS ? { ...item, citations: spread(item.citations, MAX_ITEM_CITATIONS) } : item));
  if (capped.length <= MAX_TIMELINE_ITEMS) return capped;
  // Half the lines for key moments: the folds between them take at most one more, so the cap holds.
  const keep = new Set([...shareByKind(capped, Math.floor((MAX_TIMELINE_ITEMS - 1) / 2)).values()].flat());
  const out: TimelineItem[] = [];
  let gap: TimelineItem[] = [];
  const flush = () => {
    if (gap.length) out.push(foldGap(gap));
    gap = [];
  };
  capped.forEach((item, i) => {
    if (!keep.has(i)) return void gap.push(item);
    flush();
    out.push(item);
  });
  flush();
  return out;
}
