import type { RevisionDiff } from "@/lib/history/diff-revisions";
import { SectionDiffTable } from "./section-diff-table";

/** Two revisions compared section by section: changed sections in full, unchanged ones named. */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  const changed = diff.sections.filter((s) => s.added + s.removed > 0);
  const same = diff.sections.filter((s) => s.added + s.removed === 0);
  return (
    <div className="space-y-3" data-testid="revision-diff">
      <p className="text-sm">
        <span className="font-medium">
          {diff.kind === "report" ? "Report" : "Status update"} r{diff.from} → r{diff.to}
        </span>
        : {changed.length === 0 ? "no differences." : `${changed.length === 1 ? "1 section differs" : `${changed.length} sections differ`}. Lines marked − were removed, + were added.`}
      </p>
      {changed.map((section) => (
        <SectionDiffTable key={section.name} diff={section} />
      ))}
      {same.length > 0 && <p className="text-xs text-slate-500">Unchanged: {same.map((s) => s.title).join(", ")}.</p>}
    </div>
  );
}
