import type { DbTx } from "@/lib/db";
import { toReviewEvidence, type ReviewEvidence } from "@/lib/reviews/review-evidence";

/** Up to this many entries the review page gets all of them; past it, only those cited (and the rest on search). */
export const FULL_EVIDENCE_LIMIT = 500;

type Row = { id: string; n: bigint; at: Date; kind: string; text: string; source: string; rawEventId: string | null; hidden: boolean; data: unknown; authorName: string | null };

/** Every evidence id the review's texts cite, wherever they sit in the sections' JSON. */
export function collectCitations(...values: unknown[]): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "citations" && Array.isArray(inner)) inner.forEach((id) => typeof id === "string" && ids.add(id));
      else walk(inner);
    }
  };
  values.forEach(walk);
  return ids;
}

/**
 * The evidence the review page ships: all of it for an ordinary incident; for one with thousands
 * of entries only what is cited, each still numbered by its place in the whole timeline, so the
 * page (and its poll every few seconds) stays small. Numbers match toReviewEvidence's order.
 */
export async function loadReviewEvidence(tx: DbTx, incidentId: string, cited: Set<string>, filter: { query?: string; n?: number; limit?: number } = {}): Promise<{ evidence: ReviewEvidence[]; total: number }> {
  const total = await tx.timelineEntry.count({ where: { incidentId } });
  const isSearch = Boolean(filter.query) || filter.n !== undefined;
  const isAll = total <= FULL_EVIDENCE_LIMIT && !isSearch;
  if (!isAll && cited.size === 0 && !isSearch) return { evidence: [], total };
  const like = filter.query ? `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT * FROM (
      SELECT e.id, row_number() OVER (ORDER BY e.at ASC, e."createdAt" ASC, e.id ASC) AS n, e.at, e.kind::text AS kind, e.text, e.source, e."rawEventId", e.hidden, e.data, u.name AS "authorName"
        FROM "TimelineEntry" e LEFT JOIN "User" u ON u.id = e."authorId"
       WHERE e."incidentId" = ${incidentId}
    ) ranked
    WHERE ${isAll} OR (NOT ${isSearch} AND id = ANY(${[...cited]}::text[])) OR text ILIKE ${like ?? ""} OR n = ${filter.n ?? null}::bigint
    ORDER BY n
    LIMIT ${filter.limit ?? 100_000}`;
  return { evidence: rows.map((row) => toReviewEvidence({ ...row, author: row.authorName ? { name: row.authorName } : null }, Number(row.n))), total };
}
