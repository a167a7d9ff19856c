import type { DiffPiece, DiffRow } from "@/lib/reviews/diff-section";
import type { SectionDiff } from "@/lib/history/diff-revisions";

type Line = { mark: "+" | "−" | " "; pieces: DiffPiece[] };

// Each changed line reads as a removed line and an added one; the +/− marks carry the meaning, colour only helps.
function linesOf(row: DiffRow): Line[] {
  switch (row.type) {
    case "same":
      return [{ mark: " ", pieces: [{ text: row.left, kind: "same" }] }];
    case "removed":
      return [{ mark: "−", pieces: [{ text: row.left, kind: "removed" }] }];
    case "added":
      return [{ mark: "+", pieces: [{ text: row.right, kind: "added" }] }];
    case "changed":
      return [
        { mark: "−", pieces: row.left },
        { mark: "+", pieces: row.right },
      ];
  }
}

const LINE: Record<Line["mark"], string> = {
  "+": "bg-emerald-50 dark:bg-emerald-950/40",
  "−": "bg-red-50 dark:bg-red-950/40",
  " ": "",
};

function Piece({ piece, mark }: { piece: DiffPiece; mark: Line["mark"] }) {
  // Whole added/removed lines are marked by the line; inside a changed line the differing words are.
  if (piece.kind === "removed" && mark === "−") return <del className="bg-red-200 decoration-red-700 dark:bg-red-900/60">{piece.text}</del>;
  if (piece.kind === "added" && mark === "+") return <ins className="bg-emerald-200 no-underline dark:bg-emerald-900/60">{piece.text}</ins>;
  return <>{piece.text}</>;
}

/** One section's lines, unified: "−" lines were removed, "+" lines added, the rest are unchanged context. */
export function SectionDiffTable({ diff, showUnchanged = true }: { diff: SectionDiff; showUnchanged?: boolean }) {
  const lines = diff.rows.flatMap(linesOf).filter((line) => showUnchanged || line.mark !== " ");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700" data-testid={`history-diff-${diff.name}`}>
      <table className="w-full text-left font-mono text-xs">
        <caption className="px-2 py-1 text-left font-sans text-slate-600 dark:text-slate-400">
          {diff.title}: {diff.added + diff.removed === 0 ? "no differences" : `${diff.added} line${diff.added === 1 ? "" : "s"} added, ${diff.removed} removed`}
        </caption>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {lines.map((line, i) => (
            <tr key={i} className={LINE[line.mark]} data-mark={line.mark === " " ? "same" : line.mark === "+" ? "added" : "removed"}>
              <td className="w-6 select-none px-2 py-0.5 text-center align-top font-semibold text-slate-500">
                <span aria-hidden>{line.mark}</span>
                <span className="sr-only">{line.mark === "+" ? "added" : line.mark === "−" ? "removed" : "unchanged"}</span>
              </td>
              <td className="whitespace-pre-wrap break-words px-2 py-0.5">
                {line.pieces.map((piece, k) => (
                  <Piece key={k} piece={piece} mark={line.mark} />
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
