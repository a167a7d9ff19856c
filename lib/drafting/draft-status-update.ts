import { alertTitle, authorOf, byTime, clip, formatTime, minutesBetween } from "@/lib/drafting/evidence-facts";
import type { DraftInput, Statement } from "@/lib/drafting/types";

export type StatusUpdateSections = {
  status: { value: string; statements: Statement[] };
  currentImpact: { statements: Statement[] };
  latestDevelopment: { statements: Statement[] };
  nextUpdateAt: string | null;
};

/** A short update for stakeholders while the incident runs: status, impact now, what changed last, when the next update comes. */
export function draftStatusUpdate(input: DraftInput, options: { cadenceMinutes: number | null }): StatusUpdateSections {
  const { incident, now } = input;
  const evidence = [...input.evidence].sort(byTime);
  const first = evidence.find((e) => e.kind === "trigger") ?? evidence[0];
  const latest = [...evidence].reverse().find((e) => e.kind !== "metric_sample");
  // Alerts still firing: the last word for each alert title is a trigger.
  const lastByAlert = new Map<string, string>();
  for (const e of evidence) if (e.kind === "trigger" || e.kind === "resolve") lastByAlert.set(alertTitle(e), e.kind);
  const open = [...lastByAlert].filter(([, kind]) => kind === "trigger").map(([title]) => title);
  const status: Statement = first
    ? { text: `${incident.title} is ${incident.status} (${incident.severity}), ${minutesBetween(incident.startedAt, now)} minutes after it started at ${formatTime(incident.startedAt)}.`, citations: [first.id] }
    : { text: `${incident.title} is ${incident.status}; not enough evidence is attached to say more yet.`, citations: [] };
  const impact: Statement[] = first
    ? [{ text: `Affected: ${incident.services.join(", ") || "services not yet known"}${open.length ? `; still firing: ${open.slice(0, 3).join("; ")}` : "; no alert is firing now"}.`, citations: [first.id] }]
    : [{ text: "Impact unknown: no evidence yet.", citations: [] }];
  const development: Statement[] = latest
    ? [{ text: `Latest (${formatTime(latest.at)}${authorOf(latest) ? `, ${authorOf(latest)}` : ""}): ${clip(latest.text, 200)}`, citations: [latest.id] }]
    : [{ text: "No developments recorded yet (no evidence).", citations: [] }];
  const nextUpdateAt = options.cadenceMinutes && incident.status !== "resolved" ? new Date(now.getTime() + options.cadenceMinutes * 60_000).toISOString() : null;
  return { status: { value: incident.status, statements: [status] }, currentImpact: { statements: impact }, latestDevelopment: { statements: development }, nextUpdateAt };
}
