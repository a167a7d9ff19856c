import type { ReactNode } from "react";
import { OriginBadge } from "@/components/reports/origin-badge";
import type { DraftSections, Statement } from "@/lib/drafting/types";
import { Citations } from "./citations";

type Props = {
  sections: DraftSections;
  origins: Partial<Record<string, string>>;
  suggestions: Partial<Record<string, unknown>>;
  writer: { kind: string; model?: string; fallbackReason?: string } | null;
  /** Human sections citing evidence that left this incident (after a split or merge). */
  foreignCitations?: Record<string, string[]>;
  number: number;
  state: string;
  /** Evidence id → its number on this page, so chips read [3] rather than an id. */
  index: Map<string, number>;
};

function Section({ title, name, origins, suggestions, children }: { title: string; name: string; origins: Props["origins"]; suggestions: Props["suggestions"]; children: ReactNode }) {
  return (
    <section className="border-t border-slate-200 pt-3 dark:border-slate-800">
      <h3 className="mb-1 flex flex-wrap items-center gap-2 text-sm font-semibold">
        {title}
        <OriginBadge origin={origins[name]} />
        {suggestions[name] !== undefined && <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">suggestion available</span>}
      </h3>
      {children}
    </section>
  );
}

function Lines({ statements, index }: { statements: Statement[]; index: Map<string, number> }) {
  return (
    <ul className="space-y-1 text-sm">
      {statements.map((s, i) => (
        <li key={i} className="break-words">
          {s.text}
          <Citations ids={s.citations} index={index} />
        </li>
      ))}
    </ul>
  );
}

/** The current draft, read-only: every statement with its evidence, machine and human text told apart. */
export function DraftReportView({ sections, origins, suggestions, writer, number, state, index, foreignCitations = {} }: Props) {
  const shared = { origins, suggestions };
  const { impact, rootCause } = sections;
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid="draft-report">
      <p className="text-xs text-slate-500">
        Report draft r{number} · {state.replace("_", " ")} · {writer?.kind === "llm" ? `prose by ${writer.model}` : "deterministic drafter"}
        {writer?.fallbackReason && <span className="text-amber-700 dark:text-amber-400"> · LLM not used: {writer.fallbackReason}</span>}
      </p>
      {Object.keys(foreignCitations).length > 0 && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          Edited sections cite evidence that is no longer on this incident ({Object.keys(foreignCitations).join(", ")}); fix them before this draft is approved.
        </p>
      )}
      <Section title="Summary" name="summary" {...shared}>
        <Lines statements={sections.summary.statements} index={index} />
      </Section>
      <Section title="Impact" name="impact" {...shared}>
        <p className="mb-1 text-xs text-slate-500">
          {impact.durationMinutes !== null ? `${impact.durationMinutes} min` : "ongoing"} · acknowledged after {impact.timeToAcknowledgeMinutes ?? "—"} min · {impact.severity} · {impact.services.join(", ")}
        </p>
        <Lines statements={impact.statements} index={index} />
      </Section>
      <Section title="Root cause (preliminary)" name="rootCause" {...shared}>
        <Lines statements={rootCause.statements} index={index} />
        <ol className="mt-2 space-y-2 text-sm">
          {rootCause.candidates.map((c, i) => (
            <li key={i} className="rounded-lg bg-slate-50 p-2 dark:bg-slate-800/50">
              <p className="font-medium">
                {i + 1}. {c.title} <span className="text-xs font-normal text-slate-500">score {c.score.toFixed(2)}</span>
              </p>
              {c.evidenceFor.length > 0 && <p className="mt-1 text-xs font-semibold text-emerald-700 dark:text-emerald-400">For</p>}
              <Lines statements={c.evidenceFor} index={index} />
              {c.evidenceAgainst.length > 0 && <p className="mt-1 text-xs font-semibold text-red-700 dark:text-red-400">Against</p>}
              <Lines statements={c.evidenceAgainst} index={index} />
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Remediation" name="remediation" {...shared}>
        <Lines statements={sections.remediation.statements} index={index} />
      </Section>
      <Section title="Follow-up action items" name="actionItems" {...shared}>
        <ul className="space-y-1 text-sm">
          {sections.actionItems.items.map((item, i) => (
            <li key={i}>
              {item.title}
              <span className="text-xs text-slate-500">
                {" "}
                · owner {item.owner ?? "unassigned"} · due {item.dueSuggestion ?? "—"}
              </span>
              <Citations ids={item.citations} index={index} />
            </li>
          ))}
          {sections.actionItems.items.length === 0 && <li className="text-slate-500">None drafted yet (not enough evidence).</li>}
        </ul>
      </Section>
      <Section title="Timeline" name="timeline" {...shared}>
        <ul className="space-y-1 text-sm">
          {sections.timeline.items.map((item, i) => (
            <li key={i}>
              <span className="font-mono text-xs text-slate-500">{item.at.slice(11, 19)}</span> {item.text}
              <Citations ids={item.citations} index={index} />
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
