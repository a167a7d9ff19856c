"use client";

import { diffSection, type DiffPiece, type DiffRow } from "@/lib/reviews/diff-section";
import { sectionLines } from "@/lib/reviews/section-lines";
import { useEvidence } from "./evidence-context";

const PIECE: Record<DiffPiece["kind"], string> = {
  same: "",
  removed: "bg-red-200 line-through decoration-red-700 dark:bg-red-900/60",
  added: "bg-emerald-200 dark:bg-emerald-900/60",
};

function Cell({ row, side }: { row: DiffRow; side: "left" | "right" }) {
  if (row.type === "same") return <td className="px-2 py-1 align-top">{row[side]}</td>;
  if (row.type === "changed") {
    return (
      <td className={`px-2 py-1 align-top ${side === "left" ? "bg-red-50 dark:bg-red-950/40" : "bg-emerald-50 dark:bg-emerald-950/40"}`}>
        {row[side].map((piece, i) => (
          <span key={i} className={PIECE[piece.kind]}>
            {piece.text}
          </span>
        ))}
      </td>
    );
  }
  const value = side === "left" && row.type === "removed" ? row.left : side === "right" && row.type === "added" ? row.right : null;
  if (value === null) return <td className="bg-slate-50 px-2 py-1 dark:bg-slate-800/40" />;
  return (
    <td className={`px-2 py-1 align-top ${side === "left" ? "bg-red-50 dark:bg-red-950/40" : "bg-emerald-50 dark:bg-emerald-950/40"}`}>
      <span className="sr-only">{side === "left" ? "removed: " : "added: "}</span>
      {value}
    </td>
  );
}

/** Two versions of a section side by side, the words that differ marked (and named for screen readers). */
export function SectionDiff({ name, left, right, leftLabel, rightLabel }: { name: string; left: unknown; right: unknown; leftLabel: string; rightLabel: string }) {
  const evidence = useEvidence();
  const label = (id: string) => String(evidence.byId.get(id)?.n ?? "?");
  const rows = diffSection(sectionLines(name, left, label), sectionLines(name, right, label));
  const changes = rows.filter((r) => r.type !== "same").length;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700" data-testid={`diff-${name}`}>
      <table className="w-full table-fixed text-left text-xs">
        <caption className="px-2 py-1 text-left text-slate-600 dark:text-slate-400">{changes === 0 ? "No differences." : `${changes} line${changes === 1 ? "" : "s"} differ.`}</caption>
        <thead className="border-b border-slate-200 text-slate-500 dark:border-slate-700">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">
              {leftLabel}
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              {rightLabel}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row, i) => (
            <tr key={i}>
              <Cell row={row} side="left" />
              <Cell row={row} side="right" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
