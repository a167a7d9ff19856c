import { parse } from "csv-parse/sync";
import { MAX_METRIC_POINTS, formatSeriesName, parseSampleValue, summarizeSeries, type SeriesPoint } from "./summarize-series";
import type { EvidenceParseOutcome } from "./types";
import { parseIsoMillis } from "./utc-time";

type Row = { record: string[]; info: { lines: number } };
type Failure = Extract<EvidenceParseOutcome, { ok: false }>;

const REQUIRED = ["timestamp", "series", "value"] as const;
const HEADER_MESSAGE = "header must be timestamp,series,value";

function fail(line: number, message: string, field?: string): Failure {
  return { ok: false, message: `line ${line}: ${message}`, line, ...(field ? { field } : {}) };
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

// Epoch numbers above 1e12 cannot be seconds (that is the year 33658), so they are milliseconds.
function parseTimestamp(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const number = Number(text);
    const millis = number > 1e12 ? number : number * 1000;
    return Number.isFinite(millis) ? Math.round(millis) : null;
  }
  return parseIsoMillis(text);
}

function readRows(text: string): Row[] | Failure {
  try {
    return parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      // Stop reading early: the header plus one row over the cap is enough to refuse the file.
      to: MAX_METRIC_POINTS + 2,
    }) as unknown as Row[];
  } catch (error) {
    const line = typeof error === "object" && error && "lines" in error ? Number(error.lines) : 1;
    const reason = error instanceof Error ? error.message.replace(/ at line \d+/, "") : String(error);
    return fail(line || 1, `not valid CSV: ${reason}`);
  }
}

/**
 * Parses a `timestamp,series,value[,label…]` CSV into one metric_sample per series. Columns are
 * matched by name, so any order works; every other column is a label, and rows with different
 * label values are different series (as in Prometheus).
 */
export function parseMetricsCsv(input: { text: string }): EvidenceParseOutcome {
  const rows = readRows(input.text);
  if (!Array.isArray(rows)) return rows;
  const [header, ...body] = rows;
  if (!header) return { ok: false, message: `the file is empty; ${HEADER_MESSAGE}` };

  const names = header.record.map((name) => name.toLowerCase());
  const [timeIndex = -1, seriesIndex = -1, valueIndex = -1] = REQUIRED.map((name) => names.indexOf(name));
  const known = [timeIndex, seriesIndex, valueIndex];
  if (known.includes(-1)) return fail(header.info.lines, `${HEADER_MESSAGE}; got ${quote(header.record.join(","))}`, "header");
  const labelColumns = header.record.map((name, index) => ({ name, index })).filter(({ index }) => !known.includes(index));
  for (const { name, index } of labelColumns) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return fail(header.info.lines, `column ${index + 1} header ${quote(name)} is not a valid label name`);
    if (names.indexOf(name.toLowerCase()) !== index) return fail(header.info.lines, `column ${quote(name)} appears twice`);
  }
  if (body.length === 0) return fail(header.info.lines, "no data rows after the header");
  if (body.length > MAX_METRIC_POINTS) {
    return { ok: false, message: `too many rows: the limit is ${MAX_METRIC_POINTS.toLocaleString("en-US")} per file` };
  }

  const groups = new Map<string, { series: string; labels: Record<string, string>; points: SeriesPoint[] }>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== header.record.length) {
      return fail(line, `expected ${header.record.length} columns, got ${record.length}`);
    }
    const rawTime = record[timeIndex] ?? "";
    const at = parseTimestamp(rawTime);
    if (at === null) return fail(line, `timestamp ${quote(rawTime)} is not an ISO 8601 date-time or epoch seconds`, "timestamp");
    const name = record[seriesIndex] ?? "";
    if (!name) return fail(line, "series is empty", "series");
    const rawValue = record[valueIndex] ?? "";
    const value = parseSampleValue(rawValue);
    if (value === null) return fail(line, `value ${quote(rawValue)} is not a number`, "value");

    // An empty label is the same as no label in Prometheus; keeping that rule makes names comparable.
    const labels: Record<string, string> = {};
    for (const { name: label, index } of labelColumns) if (record[index]) labels[label] = record[index];
    const series = formatSeriesName(name, labels);
    const group = groups.get(series) ?? { series, labels, points: [] };
    group.points.push({ at, value });
    groups.set(series, group);
  }

  const items = [...groups.values()].map((group) => summarizeSeries({ ...group, source: "Metrics CSV" }));
  items.sort((a, b) => a.at.getTime() - b.at.getTime() || a.dedupeKey.localeCompare(b.dedupeKey));
  return { ok: true, items };
}
