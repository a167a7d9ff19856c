/**
 * A section as the lines a person reads, so two versions can be compared line by line. Pure:
 * the review page's diff and the history's diff both use it.
 */
type Stmt = { text: string; citations?: string[] };
type Label = (evidenceId: string) => string;

const hhmm = (iso: unknown) => (typeof iso === "string" ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : "—");
const cites = (ids: string[] | undefined, label: Label) => (ids && ids.length > 0 ? ` ${ids.map((id) => `[${label(id)}]`).join("")}` : " (no evidence)");
const statementLines = (list: Stmt[] | undefined, label: Label, prefix = "") => (list ?? []).map((s) => `${prefix}${s.text}${cites(s.citations, label)}`);

export function sectionLines(name: string, content: unknown, label: Label = (id) => id): string[] {
  if (content === undefined || content === null) return name === "nextUpdateAt" ? ["Next update: none planned"] : [];
  const c = content as Record<string, unknown>;
  switch (name) {
    case "summary":
    case "remediation":
    case "currentImpact":
    case "latestDevelopment":
      return statementLines(c.statements as Stmt[], label);
    case "status":
      return [`Status: ${String(c.value)}`, ...statementLines(c.statements as Stmt[], label)];
    case "nextUpdateAt":
      return [`Next update: ${hhmm(content)} UTC`];
    case "timeline":
      return ((c.items as (Stmt & { at: string; hidden?: boolean })[]) ?? []).map((i) => `${hhmm(i.at)} ${i.text}${cites(i.citations, label)}${i.hidden ? " (hidden)" : ""}`);
    case "impact": {
      const figures = (c.figures as { label: string; value: number; unit: string | null; series: string }[]) ?? [];
      return [
        `Started: ${hhmm(c.startedAt)} UTC`,
        `Ended: ${c.endedAt ? `${hhmm(c.endedAt)} UTC` : "ongoing"}`,
        `Duration: ${c.durationMinutes ?? "—"} min · acknowledged after ${c.timeToAcknowledgeMinutes ?? "—"} min · resolved after ${c.timeToResolveMinutes ?? "—"} min`,
        `Severity: ${String(c.severity)} · services: ${((c.services as string[]) ?? []).join(", ") || "—"}`,
        ...figures.map((f) => `${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ""} (${f.series})`),
        ...statementLines(c.statements as Stmt[], label),
      ];
    }
    case "rootCause": {
      const candidates = (c.candidates as { title: string; score: number }[]) ?? [];
      return [
        `Status: ${String(c.status)}`,
        ...statementLines(c.statements as Stmt[], label),
        ...candidates.map((k, i) => `Candidate ${i + 1}${c.chosen === i ? " (chosen)" : ""}: ${k.title}`),
      ];
    }
    case "actionItems":
      return ((c.items as (Stmt & { title: string; owner: string | null; dueAt?: string | null; dueSuggestion: string | null; status?: string })[]) ?? []).map(
        (i) => `${i.title} · owner ${i.owner ?? "unassigned"} · due ${i.dueAt ?? i.dueSuggestion ?? "—"} · ${i.status ?? "open"}${cites(i.citations, label)}`,
      );
    default:
      return [JSON.stringify(content)];
  }
}
