import { z } from "zod";
import { diffRevisions, type DiffableRevision, type RevisionDiff, type RevisionKind } from "@/lib/history/diff-revisions";

/** What the history page's compare form sends: `?kind=report&from=1&to=2`. */
export const compareQuerySchema = z.object({
  kind: z.enum(["report", "status_update"], { error: "kind must be report or status_update." }).default("report"),
  from: z.coerce.number({ error: "from must be a revision number." }).int("from must be a revision number.").min(1, "from must be a revision number."),
  to: z.coerce.number({ error: "to must be a revision number." }).int("to must be a revision number.").min(1, "to must be a revision number."),
});

export type CompareQuery = { kind?: string; from?: string; to?: string };
export type Comparison = { ok: true; diff: RevisionDiff } | { ok: false; kind: RevisionKind | null; problem: string };

const kindName = (kind: RevisionKind) => (kind === "report" ? "report" : "status update");

/**
 * The diff the compare form asked for, or why there is none (a number this incident's revisions
 * do not have, say). Null when nothing was asked. Pure: the revisions are already loaded.
 */
export function compareRevisions(revisions: DiffableRevision[], query: CompareQuery | undefined, label?: (evidenceId: string) => string): Comparison | null {
  if (!query || (!query.from && !query.to)) return null;
  const parsed = compareQuerySchema.safeParse({ kind: query.kind || undefined, from: query.from, to: query.to });
  if (!parsed.success) return { ok: false, kind: null, problem: parsed.error.issues.map((i) => i.message).join(" ") };
  const { kind, from, to } = parsed.data;
  const find = (number: number) => revisions.find((r) => r.kind === kind && r.number === number);
  const missing = [from, to].filter((n) => !find(n));
  if (missing.length > 0) {
    const known = revisions.filter((r) => r.kind === kind).map((r) => `r${r.number}`);
    return { ok: false, kind, problem: `This incident has no ${kindName(kind)} ${[...new Set(missing)].map((n) => `r${n}`).join(" or ")}${known.length > 0 ? ` (it has ${known.join(", ")})` : ""}.` };
  }
  return { ok: true, diff: diffRevisions(find(from)!, find(to)!, label) };
}

/** The newest two revisions of a kind, as the form's default pair (null when there are fewer than two). */
export function defaultPair(revisions: { kind: RevisionKind; number: number }[], kind: RevisionKind): { from: number; to: number } | null {
  const numbers = revisions.filter((r) => r.kind === kind).map((r) => r.number).sort((a, b) => a - b);
  return numbers.length < 2 ? null : { from: numbers[numbers.length - 2]!, to: numbers[numbers.length - 1]! };
}
