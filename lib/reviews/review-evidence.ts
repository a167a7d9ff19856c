/** A timeline entry as the review page shows it behind a citation chip: its number, words, source and (for metrics) the series to plot. */
export type ReviewEvidence = {
  id: string;
  n: number;
  at: string;
  kind: string;
  text: string;
  source: string;
  author: string | null;
  rawEventId: string | null;
  hidden: boolean;
  series: { name: string; unit: string | null; points: [string, number][] } | null;
  chat: { author: string | null; thread: string | null } | null;
};

type Entry = { id: string; at: Date; kind: string; text: string; source: string; rawEventId: string | null; hidden: boolean; data: unknown; author: { name: string } | null };

export function toReviewEvidence(entry: Entry, n: number): ReviewEvidence {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const points = Array.isArray(data.points)
    ? (data.points as [string, unknown][]).filter((p) => typeof p[1] === "number" && Number.isFinite(p[1])).map(([t, v]) => [t, v as number] as [string, number])
    : null;
  return {
    id: entry.id,
    n,
    at: entry.at.toISOString(),
    kind: entry.kind,
    text: entry.text,
    source: entry.source,
    author: entry.author?.name ?? null,
    rawEventId: entry.rawEventId,
    hidden: entry.hidden,
    series: entry.kind === "metric_sample" && points ? { name: String(data.series ?? entry.text), unit: typeof data.unit === "string" ? data.unit : null, points: points.slice(0, 2000) } : null,
    chat: entry.kind === "chat_message" ? { author: typeof data.author === "string" ? data.author : null, thread: typeof data.threadTs === "string" ? data.threadTs : null } : null,
  };
}
