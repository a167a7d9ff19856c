import { formatNumber, formatTime, minutesBetween } from "@/lib/drafting/evidence-facts";
import type { DraftEvidence, DraftIncident, DraftSections, Statement } from "@/lib/drafting/types";

/** Two to four sentences: what happened to what, for how long, the leading cause, where it stands. */
export function draftSummary(
  incident: DraftIncident,
  evidence: DraftEvidence[],
  impact: DraftSections["impact"],
  rootCause: DraftSections["rootCause"],
): Statement[] {
  const first = evidence.find((e) => e.kind === "trigger") ?? evidence[0];
  if (!first) {
    return [
      { text: `Not enough evidence to summarise ${incident.key} yet: no alerts, chat or notes are attached.`, citations: [] },
      { text: `It was opened at ${formatTime(incident.startedAt)} with severity ${incident.severity}; status is unknown beyond "${incident.status}".`, citations: [] },
    ];
  }
  const services = impact.services.length ? impact.services.join(", ") : "the affected service";
  const statements: Statement[] = [
    { text: `${incident.title}: ${services} ${impact.services.length > 1 ? (incident.resolvedAt ? "were" : "are") : incident.resolvedAt ? "was" : "is"} affected from ${formatTime(incident.startedAt)} (${incident.severity}).`, citations: [first.id] },
  ];
  const resolve = [...evidence].reverse().find((e) => e.kind === "resolve" || (e.kind === "status_change" && /resolved/i.test(e.text)));
  const latestStatus = [...evidence].reverse().find((e) => e.kind === "status_change" || e.kind === "acknowledge" || e.kind === "trigger");
  statements.push(
    incident.resolvedAt
      ? resolve
        ? { text: `It was resolved at ${formatTime(incident.resolvedAt)}, after ${minutesBetween(incident.startedAt, incident.resolvedAt)} minutes.`, citations: [resolve.id] }
        : { text: `It is marked resolved at ${formatTime(incident.resolvedAt)}, but no evidence records the resolution.`, citations: [] }
      : { text: `It is ${incident.status}; it started at ${formatTime(incident.startedAt)} and is not resolved yet.`, citations: [latestStatus?.id ?? first.id] },
  );
  const figure = impact.figures[0];
  if (figure) statements.push({ text: `${figure.series} peaked at ${formatNumber(figure.value)}${figure.unit ? ` ${figure.unit}` : ""}.`, citations: figure.citations });
  const cause = rootCause.statements[0];
  if (cause && cause.citations.length > 0) statements.push({ text: cause.text, citations: cause.citations });
  return statements.slice(0, 4);
}
