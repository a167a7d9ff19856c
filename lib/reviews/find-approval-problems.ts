import { sectionSchemaFor } from "@/lib/drafting/section-schemas";

type Statements = { statements?: { text: string }[] } | undefined;

const hasStatements = (section: unknown) => ((section as Statements)?.statements ?? []).some((s) => s.text.trim().length > 0);

/**
 * What keeps a revision from being approved, by section: a required section left empty, content
 * that fails its rules, or citations that no longer point at this incident. Empty means approvable.
 */
export function findApprovalProblems(kind: "report" | "status_update", sections: Record<string, unknown>, foreignCitations: Record<string, string[]> = {}): Record<string, string> {
  const problems: Record<string, string> = {};
  const required: Record<string, (section: unknown) => string | null> =
    kind === "report"
      ? {
          summary: (s) => (hasStatements(s) ? null : "The summary is empty: say what happened in a sentence or two."),
          timeline: (s) => (((s as { items?: { hidden?: boolean }[] })?.items ?? []).some((i) => !i.hidden) ? null : "The timeline has no visible entry."),
          impact: (s) => ((s as { startedAt?: string })?.startedAt ? null : "The impact needs a start time."),
          rootCause: (s) => (hasStatements(s) || ((s as { candidates?: unknown[] })?.candidates ?? []).length > 0 ? null : "Say what caused it, or that the cause is not yet known."),
          remediation: (s) => (hasStatements(s) ? null : "Remediation is empty: say what was done to restore service."),
          actionItems: () => null,
        }
      : {
          status: (s) => (hasStatements(s) ? null : "The status is empty."),
          currentImpact: (s) => (hasStatements(s) ? null : "Current impact is empty."),
          latestDevelopment: (s) => (hasStatements(s) ? null : "The latest development is empty."),
          nextUpdateAt: () => null,
        };
  for (const [name, check] of Object.entries(required)) {
    const parsed = sectionSchemaFor(kind, name)?.safeParse(sections[name]);
    if (parsed && !parsed.success) {
      problems[name] = parsed.error.issues[0]?.message ?? "This section is not valid.";
      continue;
    }
    const problem = check(sections[name]);
    if (problem) problems[name] = problem;
  }
  for (const [name, ids] of Object.entries(foreignCitations)) {
    if (ids.length > 0 && !problems[name]) problems[name] = `Cites ${ids.length} piece${ids.length === 1 ? "" : "s"} of evidence that left this incident; remove or replace those citations.`;
  }
  return problems;
}
