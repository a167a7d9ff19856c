"use client";

import { Controller, useFieldArray } from "react-hook-form";
import type { RootCauseCandidate } from "@/lib/drafting/types";
import { CitationChips } from "./citation-chips";
import { smallButton, type AnyForm } from "./field-parts";
import { StatementsField } from "./statements-field";

/** Root cause: the ranked candidates with evidence for and against; pick one or write your own; a commander confirms it. */
export function RootCauseEditor({ form, canEdit, canConfirm }: { form: AnyForm; canEdit: boolean; canConfirm: boolean }) {
  const statements = useFieldArray({ control: form.control, name: "statements" });
  const candidates = (form.watch("candidates") as RootCauseCandidate[]) ?? [];
  const chosen = form.watch("chosen") as number | null | undefined;
  const status = form.watch("status") as string;
  const pick = (index: number) => {
    const candidate = candidates[index]!;
    const citations = [...new Set(candidate.evidenceFor.flatMap((s) => s.citations))].slice(0, 12);
    form.setValue("chosen", index, { shouldDirty: true });
    statements.replace([{ text: candidate.title, citations }]);
  };
  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap items-center gap-4 text-sm" disabled={!canEdit}>
        <legend className="sr-only">Root cause status</legend>
        <Controller
          control={form.control}
          name="status"
          render={({ field }) => (
            <>
              <label className="flex items-center gap-1.5">
                <input type="radio" name="rootCause-status" value="preliminary" checked={field.value === "preliminary"} onChange={() => field.onChange("preliminary")} /> Preliminary
              </label>
              <label className={`flex items-center gap-1.5 ${canConfirm ? "" : "text-slate-400"}`}>
                <input type="radio" name="rootCause-status" value="confirmed" checked={field.value === "confirmed"} disabled={!canConfirm && field.value !== "confirmed"} onChange={() => field.onChange("confirmed")} /> Confirmed
              </label>
            </>
          )}
        />
        <span className="text-xs text-slate-500">{status === "confirmed" ? "A person confirmed this cause." : canConfirm ? "Stays preliminary until you confirm it." : "Only a commander or admin confirms a root cause."}</span>
      </fieldset>
      <div>
        <h3 className="mb-1 text-sm font-semibold">Stated cause</h3>
        <StatementsField form={form} path="statements" label="Root-cause statement" canEdit={canEdit} addLabel="Write a cause" />
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">Candidates ranked by the drafter</h3>
        {candidates.length === 0 && <p className="text-sm text-slate-500">No candidate: the evidence does not point at a cause yet.</p>}
        <ol className="space-y-2">
          {candidates.map((c, i) => (
            <li key={i} className={`rounded-lg border p-2 text-sm ${chosen === i ? "border-emerald-400 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950/40" : "border-slate-100 dark:border-slate-800"}`}>
              <div className="flex flex-wrap items-start gap-2">
                <p className="font-medium">
                  {i + 1}. {c.title} <span className="text-xs font-normal text-slate-500">score {c.score.toFixed(2)}</span>
                  {chosen === i && <span className="ml-2 text-xs font-semibold text-emerald-800 dark:text-emerald-300">chosen</span>}
                </p>
                {canEdit && (
                  <button type="button" className={`${smallButton} ml-auto`} onClick={() => pick(i)}>
                    Use as the cause
                  </button>
                )}
              </div>
              {c.evidenceFor.map((s, k) => (
                <p key={`f${k}`} className="mt-1 text-xs">
                  <span className="font-semibold text-emerald-700 dark:text-emerald-400">For: </span>
                  {s.text} <CitationChips ids={s.citations} label={`candidate ${i + 1}`} />
                </p>
              ))}
              {c.evidenceAgainst.map((s, k) => (
                <p key={`a${k}`} className="mt-1 text-xs">
                  <span className="font-semibold text-red-700 dark:text-red-400">Against: </span>
                  {s.text} <CitationChips ids={s.citations} label={`candidate ${i + 1}`} />
                </p>
              ))}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
