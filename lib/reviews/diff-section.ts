import { diffArrays, diffWordsWithSpace } from "diff";

export type DiffPiece = { text: string; kind: "same" | "removed" | "added" };
export type DiffRow =
  | { type: "same"; left: string; right: string }
  | { type: "removed"; left: string }
  | { type: "added"; right: string }
  | { type: "changed"; left: DiffPiece[]; right: DiffPiece[] };

/**
 * Side-by-side rows for two versions of a section (as lines): unchanged lines pair up, a removed
 * line followed by an added one becomes a changed row with the words that differ marked.
 */
export function diffSection(left: string[], right: string[]): DiffRow[] {
  const rows: DiffRow[] = [];
  const parts = diffArrays(left, right);
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (const line of part.value) rows.push({ type: "same", left: line, right: line });
      continue;
    }
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const pairs = Math.min(part.value.length, next.value.length);
      for (let k = 0; k < pairs; k += 1) rows.push(changedRow(part.value[k]!, next.value[k]!));
      for (const line of part.value.slice(pairs)) rows.push({ type: "removed", left: line });
      for (const line of next.value.slice(pairs)) rows.push({ type: "added", right: line });
      i += 1;
      continue;
    }
    for (const line of part.value) rows.push(part.removed ? { type: "removed", left: line } : { type: "added", right: line });
  }
  return rows;
}

function changedRow(before: string, after: string): DiffRow {
  const words = diffWordsWithSpace(before, after);
  return {
    type: "changed",
    left: words.filter((w) => !w.added).map((w) => ({ text: w.value, kind: w.removed ? "removed" : "same" })),
    right: words.filter((w) => !w.removed).map((w) => ({ text: w.value, kind: w.added ? "added" : "same" })),
  };
}
