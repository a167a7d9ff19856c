"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { fetchJson } from "@/components/api/fetch-json";
import type { ReviewEvidence } from "@/lib/reviews/review-evidence";
import { EVIDENCE_OPTIONS_ID, optionText, useEvidence } from "./evidence-context";

/**
 * Adds a citation by evidence number or by words of its text. On an ordinary incident the options
 * are the page's one <datalist>; on one with thousands of entries (the page carries only what is
 * cited) they come from a search as you type. A <select> of every item in every row made the
 * page rows × evidence large: with 5,000 entries the server ran out of memory rendering it.
 */
export function CitePicker({ ids, onChange, label }: { ids: string[]; onChange: (ids: string[]) => void; label: string }) {
  const evidence = useEvidence();
  const listId = useId();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useQuery({
    queryKey: ["evidence-search", evidence.incidentKey, query],
    queryFn: ({ signal }) => fetchJson<{ evidence: ReviewEvidence[] }>(`/api/incidents/${evidence.incidentKey}/evidence?q=${encodeURIComponent(query)}`, { signal }),
    enabled: !evidence.isComplete && query.length > 0,
    staleTime: 30_000,
  });
  const results = search.data?.evidence ?? [];
  const pick = (value: string) => {
    const n = Number(/^\s*\[?(\d+)\]?/.exec(value)?.[1]);
    const chosen = Number.isInteger(n) ? [...evidence.list, ...results].find((e) => e.n === n) : undefined;
    if (!chosen) return setText(value);
    evidence.remember(chosen);
    if (!ids.includes(chosen.id)) onChange([...ids, chosen.id]);
    setText("");
  };
  return (
    <>
      <input
        list={evidence.isComplete ? EVIDENCE_OPTIONS_ID : listId}
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
        onBlur={() => text && pick(text)}
        className="w-28 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
      />
      {!evidence.isComplete && (
        <datalist id={listId}>
          {results.map((e) => (
            <option key={e.id} value={optionText(e)} />
          ))}
        </datalist>
      )}
    </>
  );
}
