import type { ParsedEvidence } from "./types";

/** Shared by the CSV and Prometheus parsers so one upload cannot make the server sort millions of points. */
export const MAX_METRIC_POINTS = 100_000;

/**
 * JSON (and Postgres jsonb) cannot hold NaN or ±Infinity, so non-finite samples travel as
 * Prometheus spells them.
 */
export type PointValue = number | "NaN" | "+Inf" | "-Inf";
export type SeriesPoint = { at: number; value: number };

/** Prometheus's spellings; accepted case-insensitively because exporters disagree ("inf", "Infinity"). */
export function parseSampleValue(raw: string): number | null {
  const text = raw.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  const special = text.toLowerCase();
  if (special === "nan") return NaN;
  if (["inf", "+inf", "infinity", "+infinity"].includes(special)) return Infinity;
  if (["-inf", "-infinity"].includes(special)) return -Infinity;
  return null;
}

function encodeValue(value: number): PointValue {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return value;
}

/** Prometheus notation, labels sorted the way Prometheus prints them: name{a="1",b="2"}. */
export function formatSeriesName(name: string, labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return name || "{}";
  const escape = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
  return `${name}{${keys.map((key) => `${key}="${escape(labels[key] ?? "")}"`).join(",")}}`;
}

// Seconds only when they carry information, so a one-minute scrape reads "09:07", not "09:07:00".
function formatClock(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith(":00.000Z") ? iso.slice(11, 16) : iso.slice(11, 19);
}

function formatSpan(firstMs: number, lastMs: number): string {
  const firstDay = new Date(firstMs).toISOString().slice(0, 10);
  const lastDay = new Date(lastMs).toISOString().slice(0, 10);
  if (firstDay === lastDay) return `${formatClock(firstMs)}–${formatClock(lastMs)} UTC`;
  return `${firstDay} ${formatClock(firstMs)}–${lastDay} ${formatClock(lastMs)} UTC`;
}

// A timeline line should stay short; exact values remain in data.points.
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/**
 * Turns one series into one timeline item: sorted points, min/max over finite samples and when the
 * peak happened. `points` must be non-empty.
 */
export function summarizeSeries(input: {
  series: string;
  labels: Record<string, string>;
  points: SeriesPoint[];
  source: string;
}): ParsedEvidence {
  const points = [...input.points].sort((a, b) => a.at - b.at);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  let min: number | null = null;
  let max: number | null = null;
  let peakMs: number | null = null;
  for (const point of points) {
    if (!Number.isFinite(point.value)) continue;
    if (min === null || point.value < min) min = point.value;
    if (max === null || point.value > max) {
      max = point.value;
      peakMs = point.at;
    }
  }

  const count = `${points.length} ${points.length === 1 ? "point" : "points"}`;
  const when = points.length === 1 ? `at ${formatClock(first.at)} UTC` : formatSpan(first.at, last.at);
  const range =
    min === null || max === null || peakMs === null
      ? "no finite values"
      : `min ${formatNumber(min)}, max ${formatNumber(max)} at ${formatClock(peakMs)} UTC`;
  const firstIso = new Date(first.at).toISOString();
  const lastIso = new Date(last.at).toISOString();

  return {
    kind: "metric_sample",
    at: new Date(first.at),
    text: `${input.series}: ${count} ${when}, ${range}`,
    source: input.source,
    dedupeKey: `metric:${input.series}:${firstIso}:${lastIso}:${points.length}`,
    data: {
      series: input.series,
      labels: input.labels,
      points: points.map((point): [string, PointValue] => [new Date(point.at).toISOString(), encodeValue(point.value)]),
      min,
      max,
      peakAt: peakMs === null ? null : new Date(peakMs).toISOString(),
    },
  };
}
