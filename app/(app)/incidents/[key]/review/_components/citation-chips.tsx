"use client";

import { useState } from "react";
import { EVIDENCE_OPTIONS_ID, useEvidence } from "./evidence-context";

const chip = "inline-flex items-center rounded bg-sky-100 px-1 font-mono text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-200";

/** Citations as chips that open the evidence; editable ones can be removed and added from the incident's evidence. */
export function CitationChips({ ids, onChange, label }: { ids: string[]; onChange?: (ids: string[]) => void; label: string }) {
  const evidence = useEvidence();
  return (
    <span className="inline-flex flex-wrap items-center gap-1 align-middle">
      {ids.length === 0 && <span className="rounded bg-amber-100 px-1 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">no evidence</span>}
      {ids.map((id) => {
        const e = evidence.byId.get(id);
        return (
          <span key={id} className={chip}>
            <button
              type="button"
              onClick={() => evidence.open(id)}
              className="hover:underline"
              title={e ? `${e.source}: ${e.text.slice(0, 120)}` : "Evidence not on this incident"}
              aria-label={`Open evidence ${e?.n ?? "unknown"}`}
            >
              [{e?.n ?? "?"}]
            </button>
            {onChange && (
              <button
                type="button"
                onClick={() => onChange(ids.filter((x) => x !== id))}
                className="ml-0.5 text-sky-700 hover:text-red-700"
                aria-label={`Remove citation ${e?.n ?? ""} from ${label}`}
              >
                ×
              </button>
            )}
          </span>
        );
      })}
      {onChange && <CitePicker ids={ids} onChange={onChange} label={label} />}
    </span>
  );
}

/**
 * Adds a citation by evidence number or by searching its text. The options are one <datalist> per
 * page (EvidenceProvider): a <select> of every item in every row made the page rows × evidence
 * large, and with 5,000 entries the server ran out of memory rendering it.
 */
function CitePicker({ ids, onChange, label }: { ids: string[]; onChange: (ids: string[]) => void; label: string }) {
  const evidence = useEvidence();
  const [text, setText] = useState("");
  const pick = (value: string) => {
    const n = Number(/^\s*\[?(\d+)\]?/.exec(value)?.[1]);
    const chosen = Number.isInteger(n) ? evidence.list[n - 1] : undefined;
    if (!chosen || chosen.n !== n) return setText(value);
    if (!ids.includes(chosen.id)) onChange([...ids, chosen.id]);
    setText("");
  };
  return (
    <input
      list={EVIDENCE_OPTIONS_ID}
      aria-label={`Cite evidence in ${label}`}
      placeholder="+ cite [n]…"
      value={text}
      // A chosen suggestion arrives as the option's whole text ("[12] 09:14 Grafana: …"): cite it at once.
      onChange={(event) => (/^\[\d+\] \d\d:\d\d /.test(event.target.value) ? pick(event.target.value) : setText(event.target.value))}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          pick(text);
        }
      }}
      onBlur={() => pick(text)}
      className="w-28 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
    />
  );
}
