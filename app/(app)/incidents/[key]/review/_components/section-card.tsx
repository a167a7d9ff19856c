"use client";

import { useMutation } from "@tanstack/react-query";
import { OriginBadge } from "@/components/reports/origin-badge";
import { useState, type ReactNode } from "react";
import { fetchJson } from "@/components/api/fetch-json";
import type { Review } from "@/lib/reviews/get-review";
import { SectionDiff } from "./section-diff";
import type { SaveStatus, useSectionForm } from "./use-section-form";
import { useReviewCache, type ReviewKind } from "./use-review-query";

type Revision = NonNullable<Review["revision"]>;
type SectionState = ReturnType<typeof useSectionForm>;

const STATUS_TEXT: Record<SaveStatus, string> = { saved: "Saved", dirty: "Unsaved changes…", saving: "Saving…", invalid: "Not saved: check the fields", error: "Not saved", conflict: "Conflict: choose how to merge" };
const STATUS_STYLE: Record<SaveStatus, string> = {
  saved: "text-emerald-700 dark:text-emerald-400",
  dirty: "text-slate-500",
  saving: "text-slate-500",
  invalid: "text-red-700 dark:text-red-400",
  error: "text-red-700 dark:text-red-400",
  conflict: "text-red-700 dark:text-red-400",
};
const button = "rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800";

/** A section of the editor: who wrote it, whether it is saved, its diff against the machine, the machine's newer suggestion and any conflict. */
export function SectionCard(props: {
  title: string;
  name: string;
  incidentKey: string;
  kind: ReviewKind;
  revision: Revision;
  state: SectionState;
  canEdit: boolean;
  onFocusSection: (name: string | null) => void;
  children: ReactNode;
}) {
  const { title, name, revision, state, canEdit } = props;
  const [showDiff, setShowDiff] = useState(false);
  const cache = useReviewCache(props.incidentKey, props.kind);
  // A person's or an agent's text, which the drafter keeps: there is a machine draft to compare it with.
  const isKept = revision.origins[name] === "human" || revision.origins[name] === "agent";
  const suggestion = revision.suggestions[name];
  const machine = revision.machineMatches.includes(name) ? revision.sections[name] : (revision.machine[name] ?? null);
  const problem = revision.approvalProblems[name];
  const resolve = useMutation({
    mutationFn: (decision: "accept" | "dismiss") => fetchJson(`/api/revisions/${revision.id}/suggestions/${name}`, { method: "POST", body: { version: cache.read()?.revision?.version ?? revision.version, decision } }),
    onSettled: () => cache.refresh(),
  });
  return (
    <section
      aria-labelledby={`section-${name}`}
      data-testid={`section-${name}`}
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      onFocus={() => props.onFocusSection(name)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) props.onFocusSection(null);
      }}
    >
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id={`section-${name}`} className="text-base font-semibold">
          {title}
        </h2>
        <OriginBadge origin={revision.origins[name]} />
        {suggestion !== undefined && <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">suggestion available</span>}
        {canEdit && (
          <span role="status" aria-live="polite" className={`text-xs ${STATUS_STYLE[state.status]}`} data-testid={`save-status-${name}`}>
            {STATUS_TEXT[state.status]}
          </span>
        )}
        <button type="button" className={`${button} ml-auto`} aria-expanded={showDiff} onClick={() => setShowDiff((v) => !v)} disabled={machine === null && !isKept}>
          {showDiff ? "Hide" : "Compare with"} machine draft
        </button>
      </header>
      {state.restoredAt && <p className="mb-2 rounded-md bg-sky-50 px-3 py-2 text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-100">Restored text you typed at {state.restoredAt.slice(11, 16)} UTC that had not reached the server; it is being saved.</p>}
      {problem && <p className="mb-2 text-xs text-amber-800 dark:text-amber-300">Before approval: {problem}</p>}
      {state.message && <p role="alert" className={`mb-2 text-xs ${state.status === "saved" || state.status === "dirty" ? "text-slate-600 dark:text-slate-400" : "text-red-700 dark:text-red-400"}`}>{state.message}</p>}
      {state.conflict && (
        <div role="alert" className="mb-3 space-y-2 rounded-lg border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950/50" data-testid={`conflict-${name}`}>
          <p className="font-medium text-red-900 dark:text-red-100">{state.conflict.message}</p>
          <SectionDiff name={name} left={state.conflict.theirs} right={state.mine()} leftLabel={`Theirs${state.conflict.editedBy ? ` (${state.conflict.editedBy})` : ""}`} rightLabel="Yours (not saved)" />
          <div className="flex flex-wrap gap-2">
            <button type="button" className={button} onClick={() => state.resolveConflict("merge")}>
              Merge both
            </button>
            <button type="button" className={button} onClick={() => state.resolveConflict("mine")}>
              Keep mine
            </button>
            <button type="button" className={button} onClick={() => state.resolveConflict("theirs")}>
              Take theirs
            </button>
          </div>
        </div>
      )}
      {suggestion !== undefined && (
        <div className="mb-3 space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          <p className="font-medium">The drafter has a newer proposal for this section, from evidence that arrived since it was edited.</p>
          <SectionDiff name={name} left={revision.sections[name]} right={suggestion} leftLabel="Current text" rightLabel="Machine suggestion" />
          {canEdit && (
            <div className="flex flex-wrap items-center gap-2">
              <button type="button" className={button} disabled={resolve.isPending || state.isUnsaved} onClick={() => resolve.mutate("accept")}>
                Accept suggestion
              </button>
              <button type="button" className={button} disabled={resolve.isPending || state.isUnsaved} onClick={() => resolve.mutate("dismiss")}>
                Keep current text
              </button>
              {state.isUnsaved && <span className="text-xs text-slate-500">Wait for your edit to save first.</span>}
              {resolve.error && <span className="text-xs text-red-700">{resolve.error.message}</span>}
            </div>
          )}
        </div>
      )}
      {showDiff && (
        <div className="mb-3">
          <SectionDiff name={name} left={machine} right={revision.sections[name]} leftLabel="Machine draft" rightLabel={revision.origins[name] === "agent" ? "Agent proposal" : isKept ? "Current (edited)" : "Current"} />
        </div>
      )}
      {props.children}
    </section>
  );
}
