"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { ReviewEvidence } from "@/lib/reviews/review-evidence";

type EvidenceApi = { list: ReviewEvidence[]; byId: Map<string, ReviewEvidence>; open: (id: string) => void };

const EvidenceContext = createContext<EvidenceApi | null>(null);

/** The incident's evidence, for chips to number and open; one provider per review page. */
export function EvidenceProvider({ evidence, onOpen, children }: { evidence: ReviewEvidence[]; onOpen: (id: string) => void; children: ReactNode }) {
  const value = useMemo(() => ({ list: evidence, byId: new Map(evidence.map((e) => [e.id, e])), open: onOpen }), [evidence, onOpen]);
  return <EvidenceContext.Provider value={value}>{children}</EvidenceContext.Provider>;
}

export function useEvidence(): EvidenceApi {
  const value = useContext(EvidenceContext);
  if (!value) throw new Error("useEvidence outside EvidenceProvider");
  return value;
}
