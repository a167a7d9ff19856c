import type { DraftSections, Statement } from "@/lib/drafting/types";
import type { StatusUpdateSections } from "@/lib/drafting/draft-status-update";

/** Evidence as an email footnote: numbered in order of first citation, so a reader's [1] is the first thing cited. */
export type Footnote = { n: number; at: string; source: string; text: string };
export type CitedLine = { text: string; notes: number[] };
export type EmailIncident = { key: string; title: string; severity: string; category: string; status: string; services: string[]; pageUrl: string };

export type ReportEmailProps = {
  incident: EmailIncident;
  audience: string;
  summary: CitedLine[];
  impact: { startedAt: string; endedAt: string | null; durationMinutes: number | null; services: string[]; figures: CitedLine[]; lines: CitedLine[] };
  rootCause: { confirmed: boolean; lines: CitedLine[]; leading: string | null };
  remediation: CitedLine[];
  timeline: { at: string; text: string; notes: number[] }[];
  actionItems: { title: string; owner: string | null; due: string | null; status: string }[];
  footnotes: Footnote[];
};

export type StatusUpdateEmailProps = {
  incident: EmailIncident;
  audience: string;
  status: CitedLine[];
  currentImpact: CitedLine[];
  latestDevelopment: CitedLine[];
  nextUpdateAt: string | null;
  footnotes: Footnote[];
};

type EvidenceLookup = Map<string, { at: Date | string; source: string; text: string }>;

function footnoter(evidence: EvidenceLookup) {
  const numbers = new Map<string, number>();
  const footnotes: Footnote[] = [];
  const cite = (ids: string[]) =>
    ids.flatMap((id) => {
      const found = evidence.get(id);
      if (!found) return [];
      if (!numbers.has(id)) {
        numbers.set(id, footnotes.length + 1);
        const at = typeof found.at === "string" ? found.at : found.at.toISOString();
        footnotes.push({ n: footnotes.length + 1, at, source: found.source, text: found.text.length > 240 ? `${found.text.slice(0, 239)}…` : found.text });
      }
      return [numbers.get(id)!];
    });
  const lines = (statements: Statement[] | undefined) => (statements ?? []).map((s) => ({ text: s.text, notes: cite(s.citations) }));
  return { cite, lines, footnotes };
}

/** The exact content a report email carries: the approved sections, hidden timeline entries left out, citations as footnotes. */
export function buildReportEmail(incident: EmailIncident, sections: DraftSections, evidence: EvidenceLookup, audience: string): ReportEmailProps {
  const { cite, lines, footnotes } = footnoter(evidence);
  const summary = lines(sections.summary.statements);
  const impact = sections.impact;
  const impactLines = lines(impact.statements);
  const figures = impact.figures.map((f) => ({ text: `${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ""}`, notes: cite(f.citations) }));
  const rootCause = sections.rootCause;
  const chosen = rootCause.chosen;
  const rootLines = lines(rootCause.statements);
  const leading = rootLines.length === 0 ? (rootCause.candidates[chosen ?? 0]?.title ?? null) : null;
  const remediation = lines(sections.remediation.statements);
  const timeline = sections.timeline.items.filter((i) => !i.hidden).map((i) => ({ at: i.at, text: i.text, notes: cite(i.citations) }));
  const actionItems = sections.actionItems.items.map((i) => {
    const extra = i;
    return { title: i.title, owner: i.owner, due: extra.dueAt ?? i.dueSuggestion, status: extra.status ?? "open" };
  });
  return {
    incident,
    audience,
    summary,
    impact: { startedAt: impact.startedAt, endedAt: impact.endedAt, durationMinutes: impact.durationMinutes, services: impact.services, figures, lines: impactLines },
    rootCause: { confirmed: rootCause.status === "confirmed", lines: rootLines, leading },
    remediation,
    timeline,
    actionItems,
    footnotes,
  };
}

export function buildStatusUpdateEmail(incident: EmailIncident, sections: StatusUpdateSections, evidence: EvidenceLookup, audience: string): StatusUpdateEmailProps {
  const { lines, footnotes } = footnoter(evidence);
  return {
    incident,
    audience,
    status: lines(sections.status.statements),
    currentImpact: lines(sections.currentImpact.statements),
    latestDevelopment: lines(sections.latestDevelopment.statements),
    nextUpdateAt: sections.nextUpdateAt,
    footnotes,
  };
}

export type ActionItemsEmailProps = {
  incident: EmailIncident;
  owner: string;
  items: { title: string; due: string | null; status: string }[];
};

export type ResolutionEmailProps = StatusUpdateEmailProps & { resolvedAt: string | null; startedAt: string };

export type EmailTemplateName = "incident_report" | "status_update" | "action_items" | "resolution";

/**
 * One subject per incident, so mail clients keep every message in one thread (with the
 * In-Reply-To/References headers); later messages are replies. Action items go to their owners
 * under their own flag.
 */
export function emailSubject(template: EmailTemplateName, incident: Pick<EmailIncident, "key" | "title">, options: { isReply: boolean }): string {
  // A title is a sender's or a person's text: a CR or LF in it must not end the Subject header
  // (and start a Bcc:), whichever transport writes the headers.
  const title = incident.title.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ").trim();
  const base = `${incident.key}: ${title}`;
  if (template === "action_items") return `[ACTION REQUIRED] ${base}`;
  return options.isReply ? `Re: ${base}` : base;
}

export function buildActionItemsEmail(incident: EmailIncident, owner: string, items: DraftSections["actionItems"]["items"]): ActionItemsEmailProps {
  return { incident, owner, items: items.map((i) => ({ title: i.title, due: i.dueAt ?? i.dueSuggestion, status: i.status ?? "open" })) };
}

export function buildResolutionEmail(incident: EmailIncident, sections: StatusUpdateSections, evidence: EvidenceLookup, audience: string, times: { startedAt: Date; resolvedAt: Date | null }): ResolutionEmailProps {
  return { ...buildStatusUpdateEmail(incident, sections, evidence, audience), startedAt: times.startedAt.toISOString(), resolvedAt: times.resolvedAt?.toISOString() ?? null };
}
