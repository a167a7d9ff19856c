import { canonicalJson } from "@/lib/json/canonical-json";
import { diffSection, type DiffRow } from "@/lib/reviews/diff-section";
import { sectionLines } from "@/lib/reviews/section-lines";

export type RevisionKind = "report" | "status_update";
export type DiffableRevision = { kind: RevisionKind; number: number; sections: unknown };
/** One section of two versions, line by line; `added`/`removed` count lines (a changed line counts as both). */
export type SectionDiff = { name: string; title: string; rows: DiffRow[]; added: number; removed: number };
export type RevisionDiff = { kind: RevisionKind; from: number; to: number; sections: SectionDiff[]; changed: string[] };
type Label = (evidenceId: string) => string;

/** Sections in the order the review page and the emails show them. */
export const SECTION_TITLES: Record<RevisionKind, Record<string, string>> = {
  report: { summary: "Summary", timeline: "Timeline", impact: "Impact", rootCause: "Root cause", remediation: "Remediation", actionItems: "Follow-up action items" },
  status_update: { status: "Status", currentImpact: "Current impact", latestDevelopment: "Latest development", nextUpdateAt: "Next update" },
};

export function sectionTitle(kind: RevisionKind, name: string): string {
  return SECTION_TITLES[kind][name] ?? name;
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** Known sections first, in reading order, then anything else either version has. */
function sectionNames(kind: RevisionKind, ...versions: Record<string, unknown>[]): string[] {
  const known = Object.keys(SECTION_TITLES[kind]);
  const extra = [...new Set(versions.flatMap((v) => Object.keys(v)))].filter((name) => !known.includes(name)).sort();
  return [...known, ...extra];
}

/** Two versions of one section as readable lines, compared (citations shown by the label, e.g. the evidence's number). */
export function diffSectionContent(kind: RevisionKind, name: string, before: unknown, after: unknown, label: Label = (id) => id): SectionDiff {
  const rows = diffSection(sectionLines(name, before, label), sectionLines(name, after, label));
  let added = 0;
  let removed = 0;
  for (const row of rows) {
    if (row.type === "added" || row.type === "changed") added += 1;
    if (row.type === "removed" || row.type === "changed") removed += 1;
  }
  return { name, title: sectionTitle(kind, name), rows, added, removed };
}

/** A readable, per-section diff of two revisions of the same incident and kind. */
export function diffRevisions(from: DiffableRevision, to: DiffableRevision, label?: Label): RevisionDiff {
  if (from.kind !== to.kind) throw new Error(`Cannot compare a ${from.kind} with a ${to.kind}.`);
  const left = asRecord(from.sections);
  const right = asRecord(to.sections);
  const sections = sectionNames(from.kind, left, right)
    .filter((name) => Object.hasOwn(left, name) || Object.hasOwn(right, name))
    .map((name) => diffSectionContent(from.kind, name, left[name], right[name], label));
  return { kind: from.kind, from: from.number, to: to.number, sections, changed: sections.filter((s) => s.added + s.removed > 0).map((s) => s.name) };
}

/** Names of the sections whose content differs between two versions (structurally, not just as lines). */
export function changedSectionNames(kind: RevisionKind, before: unknown, after: unknown): string[] {
  const left = asRecord(before);
  const right = asRecord(after);
  return sectionNames(kind, left, right).filter((name) => (Object.hasOwn(left, name) || Object.hasOwn(right, name)) && canonicalJson(left[name] ?? null) !== canonicalJson(right[name] ?? null));
}
