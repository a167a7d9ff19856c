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

// Series that count events per second: their area over the incident is a number of events.
const RATE_SERIES = /per_?second|_rps\b|requests?_rate/i;

/** Requests (or errors) during the incident, from a per-second rate series: the area under its curve. */
function countFigure(e: DraftEvidence, from: Date, to: Date): ImpactFigure | null {
  const unit = typeof e.data?.unit === "string" ? e.data.unit : "";
  if (!RATE_SERIES.test(seriesName(e)) && !/\/s$/.test(unit)) return null;
  const points = metricPoints(e).filter((p) => p.t >= from.getTime() && p.t <= to.getTime());
  if (points.length < 2) return null;
  let total = 0;
  for (let i = 1; i < points.length; i += 1) total += ((points[i - 1]!.value + points[i]!.value) / 2) * ((points[i]!.t - points[i - 1]!.t) / 1000);
  return {
    label: `${seriesName(e)} during the incident (estimate)`,
    value: Math.round(total),
    unit: unit.replace(/\/s$/, "") || "events",
    series: seriesName(e),
    window: { from: new Date(points[0]!.t).toISOString(), to: new Date(points[points.length - 1]!.t).toISOString() },
    citations: [e.id],
  };
}

// Series that are a share of requests failing: their peak against the SLO is a burn rate.
const ERROR_RATIO = /(error|errors|5xx|fail\w*).*(ratio|rate|share)|(ratio|share).*(error|5xx|fail)/i;

/** How many times faster than sustainable the errors spent the SLO's error budget, at their peak. */
function burnFigure(e: DraftEvidence, sloTarget: number): ImpactFigure | null {
  if (!ERROR_RATIO.test(seriesName(e)) || /per_?second/i.test(seriesName(e))) return null;
  const points = metricPoints(e);
  if (points.length === 0) return null;
  const peak = points.reduce((best, p) => (p.value > best.value ? p : best));
  if (peak.value < 0 || peak.value > 1) return null;
  return {
    label: `Peak error-budget burn rate (${(sloTarget * 100).toFixed(sloTarget >= 0.999 ? 2 : 1)}% availability SLO)`,
    value: Math.round((peak.value / (1 - sloTarget)) * 10) / 10,
    unit: "× budget",
    series: seriesName(e),
    window: { from: new Date(points[0]!.t).toISOString(), to: new Date(points[points.length - 1]!.t).toISOString() },
    citations: [e.id],
  };
}

/**
 * Start, end and durations from the incident's milestones; affected services; what each metric
 * series says at its peak, with the series and window it was read from.
 */
export function draftImpact(incident: DraftIncident, evidence: DraftEvidence[], now: Date, sloTarget = 0.999): DraftSections["impact"] {
  const triggers = evidence.filter((e) => e.kind === "trigger");
  const first = triggers[0] ?? evidence[0];
  const resolve = [...evidence].reverse().find((e) => e.kind === "resolve");
  const ack = evidence.find((e) => e.kind === "acknowledge");
  const metrics = evidence.filter((e) => e.kind === "metric_sample");
  const figures = metrics.map(peakFigure).filter((f): f is ImpactFigure => f !== null);
  const counts = metrics.slice(0, 10).map((e) => countFigure(e, incident.startedAt, incident.resolvedAt ?? now)).filter((f): f is ImpactFigure => f !== null);
  const burns = metrics.slice(0, 10).map((e) => burnFigure(e, sloTarget)).filter((f): f is ImpactFigure => f !== null);
  // Affected means the incident's services and what alerted; a change elsewhere is not impact.
  const alerted = evidence.filter((e) => e.kind === "trigger" || e.kind === "resolve").flatMap(servicesOf);
  const services = [...new Set([...incident.services.map((s) => s.toLowerCase()), ...alerted])];
  const statements: Statement[] = [];

  if (!first) {
    statements.push({ text: "Not enough evidence to assess impact yet: nothing is attached to this incident.", citations: [] });
  } else if (incident.resolvedAt) {
    statements.push({
      text: `Impact lasted ${minutesBetween(incident.startedAt, incident.resolvedAt)} minutes, from ${formatTime(incident.startedAt)} to ${formatTime(incident.resolvedAt)}.`,
      citations: [first.id, ...(resolve ? [resolve.id] : [])],
    });
  } else {
    // No "for N minutes": the report changes with its evidence, not with the clock.
    statements.push({ text: `Ongoing since ${formatTime(incident.startedAt)}; not resolved yet.`, citations: [first.id] });
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
  for (const count of counts) {
    statements.push({ text: `About ${count.value.toLocaleString("en")} ${count.unit} in ${count.series} between ${formatTime(new Date(count.window.from))} and ${formatTime(new Date(count.window.to))}.`, citations: count.citations });
  }
  for (const burn of burns) {
    statements.push({ text: `At its peak, ${burn.series} spent the error budget ${formatNumber(burn.value)}× faster than the ${burn.label.match(/\(([^)]+)\)/)?.[1] ?? "SLO"} allows.`, citations: burn.citations });
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
    figures: [...figures, ...counts, ...burns],
    statements,
  };
}
