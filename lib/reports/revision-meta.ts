import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/json/canonical-json";

/** Who wrote a section: the drafter, a person, or an agent (machine text a tool proposed, kept through re-drafts like a person's). */
export type Origin = "machine" | "human" | "agent";

/** Sections the drafter must not overwrite: a person's and an agent's, beside which it offers suggestions instead. */
export const isKept = (origin: Origin | undefined) => origin === "human" || origin === "agent";
export type WriterOutcome = { kind: "llm" | "deterministic"; model?: string; fallbackReason?: string; durationMs?: number };

/** What a revision records beside its sections (stored in ReportRevision.meta). */
export type RevisionMeta = {
  origins: Partial<Record<string, Origin>>;
  /** The machine's newer proposal for a section a human edited: "suggestion available". */
  suggestions: Partial<Record<string, unknown>>;
  /** The machine's latest proposal for every section: what the review page diffs a person's text against. */
  machine?: Record<string, unknown>;
  /** Per human section, the hash of the machine proposal the person had in front of them; only a different one is a suggestion. */
  machineSeen?: Record<string, string>;
  writer?: WriterOutcome;
  draftedAt?: string;
  /** Status updates: the incident state they were drafted from, to tell a significant change. */
  basis?: { status: string; severity: string; alertEvents?: number };
  /** Citations in human-edited sections that no longer point at this incident's evidence, by section. */
  foreignCitations?: Record<string, string[]>;
  /** Characters a person changed against the machine's text, per human section (for insights). */
  editSize?: Record<string, number>;
  /** Set on a revision an agent proposed: its token, label, note and the sections it wrote. */
  agent?: { tokenId: string | null; label: string; note: string | null; sections: string[] };
};

export function readMeta(value: unknown): RevisionMeta {
  const meta = (value && typeof value === "object" ? value : {}) as Partial<RevisionMeta>;
  return {
    origins: meta.origins ?? {},
    suggestions: meta.suggestions ?? {},
    machine: meta.machine,
    machineSeen: meta.machineSeen,
    writer: meta.writer,
    draftedAt: meta.draftedAt,
    basis: meta.basis,
    foreignCitations: meta.foreignCitations,
    editSize: meta.editSize,
    agent: meta.agent,
  };
}

export function hashSections(sections: unknown): string {
  return createHash("sha256").update(canonicalJson(sections ?? null)).digest("hex");
}

/** One hash per section, so "what changed since you looked" can name sections. */
export function hashEachSection(sections: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(sections).map(([name, content]) => [name, hashSections(content)]));
}

/** The machine's text for a section: its latest proposal, or the section itself while no person has touched it. */
export function machineVersionOf(sections: Record<string, unknown>, meta: RevisionMeta, name: string): unknown {
  if (meta.machine && Object.hasOwn(meta.machine, name)) return meta.machine[name];
  return isKept(meta.origins[name]) ? undefined : sections[name];
}

/**
 * New machine sections merged into a revision: sections a human edited stay as the human left
 * them, and a machine proposal newer than the one the person saw is offered beside them.
 */
export function mergeMachineDraft(current: Record<string, unknown>, meta: RevisionMeta, machine: Record<string, unknown>): { sections: Record<string, unknown>; meta: RevisionMeta } {
  const sections: Record<string, unknown> = { ...current };
  const suggestions: RevisionMeta["suggestions"] = {};
  for (const name of Object.keys(machine)) {
    if (isKept(meta.origins[name])) {
      const proposal = hashSections(machine[name]);
      const seen = meta.machineSeen?.[name];
      const isNewer = seen === undefined || seen !== proposal;
      if (isNewer && proposal !== hashSections(current[name])) suggestions[name] = machine[name];
    } else {
      sections[name] = machine[name];
    }
  }
  return { sections, meta: { ...meta, suggestions, machine: { ...machine } } };
}
