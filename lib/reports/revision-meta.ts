import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit/hash-audit-event";
import type { DraftSections, SectionName } from "@/lib/drafting/types";

export type Origin = "machine" | "human";
export type WriterOutcome = { kind: "llm" | "deterministic"; model?: string; fallbackReason?: string; durationMs?: number };

/** What a revision records beside its sections (stored in ReportRevision.meta). */
export type RevisionMeta = {
  origins: Partial<Record<string, Origin>>;
  /** The machine's newer proposal for a section a human edited: "suggestion available". */
  suggestions: Partial<Record<string, unknown>>;
  writer?: WriterOutcome;
  draftedAt?: string;
  /** Status updates: the incident state they were drafted from, to tell a significant change. */
  basis?: { status: string; severity: string; alertEvents?: number };
  /** Citations in human-edited sections that no longer point at this incident's evidence, by section. */
  foreignCitations?: Record<string, string[]>;
};

export function readMeta(value: unknown): RevisionMeta {
  const meta = (value && typeof value === "object" ? value : {}) as Partial<RevisionMeta>;
  return { origins: meta.origins ?? {}, suggestions: meta.suggestions ?? {}, writer: meta.writer, draftedAt: meta.draftedAt, basis: meta.basis, foreignCitations: meta.foreignCitations };
}

export function hashSections(sections: unknown): string {
  return createHash("sha256").update(canonicalJson(sections)).digest("hex");
}

/**
 * New machine sections merged into a revision: sections a human edited stay as the human left
 * them, and the machine's differing proposal is kept beside them as a suggestion.
 */
export function mergeMachineDraft(current: Record<string, unknown>, meta: RevisionMeta, machine: DraftSections): { sections: Record<string, unknown>; meta: RevisionMeta } {
  const sections: Record<string, unknown> = { ...current };
  const suggestions: RevisionMeta["suggestions"] = {};
  for (const name of Object.keys(machine) as SectionName[]) {
    if (meta.origins[name] === "human") {
      if (hashSections(machine[name]) !== hashSections(current[name])) suggestions[name] = machine[name];
    } else {
      sections[name] = machine[name];
    }
  }
  return { sections, meta: { ...meta, suggestions } };
}
