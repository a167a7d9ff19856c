"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { ReviewEvidence } from "@/lib/reviews/review-evidence";

type EvidenceApi = {
  list: ReviewEvidence[];
  byId: Map<string, ReviewEvidence>;
  open: (id: string) => void;
};

/** The one list of citable evidence on the page, shared by every "cite" input. */
export const EVIDENCE_OPTIONS_ID = "review-evidence-options";

const EvidenceContext = createContext<EvidenceApi | null>(null);

/** The incident's evidence, for chips to number and open; one provider per review page. */
export function EvidenceProvider({ evidence, onOpen, children }: { evidence: ReviewEvidence[]; onOpen: (id: string) => void; children: ReactNode }) {
  const value = useMemo(
    () => ({
      list: evidence,
      byId: new Map(evidence.map((e) => [e.id, e])),
      open: onOpen,
    }),
    [evidence, onOpen],
  );
  return (
    <EvidenceContext.Provider value={value}>
      {children}
      <datalist id={EVIDENCE_OPTIONS_ID}>
        {evidence.map((e) => (
          <option key={e.id} value={`[${e.n}] ${e.at.slice(11, 16)} ${e.source}: ${e.text.slice(0, 60)}`} />
        ))}
      </datalist>
    </EvidenceContext.Provider>
  );
}

export function useEvidence(): EvidenceApi {
  const value = useContext(EvidenceContext);
  if (!value) throw new Error("useEvidence outside EvidenceProvider");
  return value;
}
