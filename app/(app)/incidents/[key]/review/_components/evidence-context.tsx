"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { ReviewEvidence } from "@/lib/reviews/review-evidence";

type EvidenceApi = {
  /** The incident's key, for searching evidence the page was not sent. */
  incidentKey: string;
  /** True when every piece of the incident's evidence is on the page (the page was sent only what is cited otherwise). */
  isComplete: boolean;
  list: ReviewEvidence[];
  byId: Map<string, ReviewEvidence>;
  /** Keeps evidence found by a search, so its chip has a number before the next poll brings it. */
  remember: (found: ReviewEvidence) => void;
  open: (id: string) => void;
};

/** The one list of citable evidence on the page (complete incidents only), shared by every "cite" input. */
export const EVIDENCE_OPTIONS_ID = "review-evidence-options";

export const optionText = (e: ReviewEvidence) => `[${e.n}] ${e.at.slice(11, 16)} ${e.source}: ${e.text.slice(0, 60)}`;

const EvidenceContext = createContext<EvidenceApi | null>(null);

/** The incident's evidence, for chips to number and open; one provider per review page. */
export function EvidenceProvider(props: { incidentKey: string; evidence: ReviewEvidence[]; total: number; onOpen: (id: string) => void; children: ReactNode }) {
  const { incidentKey, evidence, total, onOpen, children } = props;
  const [found, setFound] = useState<Map<string, ReviewEvidence>>(new Map());
  const remember = useCallback((e: ReviewEvidence) => setFound((known) => (known.has(e.id) ? known : new Map(known).set(e.id, e))), []);
  const isComplete = evidence.length >= total;
  const value = useMemo(
    () => ({ incidentKey, isComplete, list: evidence, byId: new Map([...found, ...evidence.map((e) => [e.id, e] as const)]), remember, open: onOpen }),
    [incidentKey, isComplete, evidence, found, remember, onOpen],
  );
  return (
    <EvidenceContext.Provider value={value}>
      {children}
      {isComplete && (
        <datalist id={EVIDENCE_OPTIONS_ID}>
          {evidence.map((e) => (
            <option key={e.id} value={optionText(e)} />
          ))}
        </datalist>
      )}
    </EvidenceContext.Provider>
  );
}

export function useEvidence(): EvidenceApi {
  const value = useContext(EvidenceContext);
  if (!value) throw new Error("useEvidence outside EvidenceProvider");
  return value;
}
