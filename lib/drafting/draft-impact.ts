import { formatNumber, formatTime, metricPoints, minutesBetween, seriesName, servicesOf } from "@/lib/drafting/evidence-facts";
import type { DraftEvidence, DraftIncident, DraftSections, ImpactFigure, Statement } from "@/lib/drafting/types";

function peakFigure(e: DraftEvidence): ImpactFigure | null {
  const points = metricPoints(e);
  if (points.length === 0) return null;
  const peak = points.reduce((best, p) => (p.value > best.value ? p : best));
  const unit = typeof e.data?.unit === "string" ? e.data.unit : null;
  return {
    label: `Peak ${seriesName(e)}`,
    value: peak.value,
    unit,
    series: seriesName(e),
    window: { from: new Date(points[0]!.t).toISOString(), to: new Date(points[points.length - 1]!.t).toISOString() },
    citations: [e.id],
  };
}

/**
 * Start, end and durations from the incident's milestones; affected services; what each metric
 * series says at its peak, with the series and window it was read from.
 */
export function draftImpact(incident: DraftIncident, evidence: DraftEvidence[], now: Date): DraftSections["impact"] {
  const triggers = evidence.filter((e) => e.kind === "trigger");
  const first = triggers[0] ?? evidence[0];
  const resolve = [...evidence].reverse().find((e) => e.kind === "resolve");
  const ack = evidence.find((e) => e.kind === "acknowledge");
  const figures = evidence.filter((e) => e.kind === "metric_sample").map(peakFigure).filter((f): f is ImpactFigure => f !== null);
  const mentioned = new Set(evidence.flatMap(servicesOf));
  const services = [...new Set([...incident.services.map((s) => s.toLowerCase()), ...mentioned])];
  const statements: Statement[] = [];

  if (!first) {
    statements.push({ text: "Not enough evidence to assess impact yet: nothing is attached to this incident.", citations: [] });
  } else if (incident.resolvedAt) {
    statements.push({
      text: `Impact lasted ${minutesBetween(incident.startedAt, incident.resolvedAt)} minutes, from ${formatTime(incident.startedAt)} to ${formatTime(incident.resolvedAt)}.`,
      citations: [first.id, ...(resolve ? [resolve.id] : [])],
    });
  } else {
    statements.push({ text: `Ongoing for ${minutesBetween(incident.startedAt, now)} minutes since ${formatTime(incident.startedAt)}.`, citations: [first.id] });
  }
  if (incident.acknowledgedAt && ack) {
    statements.push({ text: `Acknowledged ${minutesBetween(incident.startedAt, incident.acknowledgedAt)} minutes after it started.`, citations: [ack.id] });
  }
  const serviceEvidence = services.map((service) => evidence.find((e) => servicesOf(e).includes(service))).filter((e): e is DraftEvidence => Boolean(e));
  if (services.length > 0 && serviceEvidence.length > 0) {
    statements.push({ text: `Affected services: ${services.join(", ")}.`, citations: [...new Set(serviceEvidence.map((e) => e.id))] });
  }
  // Every series keeps its figure; prose for the first ten is what a reader can take in.
  for (const figure of figures.slice(0, 10)) {
    statements.push({
      text: `${figure.series} peaked at ${formatNumber(figure.value)}${figure.unit ? ` ${figure.unit}` : ""} (window ${formatTime(new Date(figure.window.from))}–${formatTime(new Date(figure.window.to))}).`,
      citations: figure.citations,
    });
  }
  if (figures.length > 10) statements.push({ text: `${figures.length - 10} more metric series are listed with their peaks.`, citations: figures.slice(10).map((f) => f.citations[0]!) });
  return {
    startedAt: incident.startedAt.toISOString(),
    endedAt: incident.resolvedAt?.toISOString() ?? null,
    durationMinutes: incident.resolvedAt ? minutesBetween(incident.startedAt, incident.resolvedAt) : null,
    timeToAcknowledgeMinutes: incident.acknowledgedAt ? minutesBetween(incident.startedAt, incident.acknowledgedAt) : null,
    timeToResolveMinutes: incident.resolvedAt ? minutesBetween(incident.startedAt, incident.resolvedAt) : null,
    severity: incident.severity,
    services,
    figures,
    statements,
  };
}
