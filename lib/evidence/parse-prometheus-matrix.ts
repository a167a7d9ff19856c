import { z } from "zod";
import { MAX_METRIC_POINTS, formatSeriesName, parseSampleValue, summarizeSeries, type SeriesPoint } from "./summarize-series";
import type { EvidenceParseOutcome } from "./types";

type Failure = Extract<EvidenceParseOutcome, { ok: false }>;

// Prometheus encodes sample values as strings so that "NaN" and "+Inf" survive JSON.
const sample = z.tuple([z.number(), z.string()]);
const metric = z.record(z.string(), z.string());
const matrixResult = z.array(z.object({ metric, values: z.array(sample) }));
const vectorResult = z.array(z.object({ metric, value: sample }));

function fail(message: string, field?: string): Failure {
  return { ok: false, message, ...(field ? { field } : {}) };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`), "data.result");
}

function readEnvelope(body: unknown): { resultType: unknown; result: unknown } | Failure {
  let value = body;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return fail("the body is not valid JSON");
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail("expected a Prometheus API response object: {\"status\":\"success\",\"data\":{…}}");
  }
  const envelope = value as Record<string, unknown>;
  if (envelope.status === "error") {
    const type = typeof envelope.errorType === "string" ? ` (${envelope.errorType})` : "";
    const reason = typeof envelope.error === "string" ? envelope.error : "no error message";
    return fail(`Prometheus returned an error${type}: ${reason}`, "error");
  }
  if (envelope.status !== "success") return fail('status must be "success" or "error"', "status");
  const data = envelope.data;
  if (typeof data !== "object" || data === null) return fail("data must be an object with resultType and result", "data");
  const { resultType, result } = data as Record<string, unknown>;
  return { resultType, result };
}

/**
 * Parses the JSON of a Prometheus /api/v1/query_range (matrix) or /api/v1/query (vector) response
 * into one metric_sample per series.
 */
export function parsePrometheusMatrix(input: { body: unknown }): EvidenceParseOutcome {
  const envelope = readEnvelope(input.body);
  if ("ok" in envelope) return envelope;

  let series: { metric: Record<string, string>; values: [number, string][] }[];
  if (envelope.resultType === "matrix" || envelope.resultType === "vector") {
    if (Array.isArray(envelope.result)) {
      // Native histograms carry buckets, not a number per sample; say so rather than report a missing field.
      const index = envelope.result.findIndex((entry) => typeof entry === "object" && entry !== null && ("histograms" in entry || "histogram" in entry));
      if (index !== -1) return fail(`data.result[${index}]: native histogram series are not supported`, "data.result");
    }
    const parsed =
      envelope.resultType === "matrix"
        ? matrixResult.safeParse(envelope.result)
        : vectorResult.safeParse(envelope.result);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(`${formatPath(issue?.path ?? [])}: ${issue?.message ?? "invalid"}`, "data.result");
    }
    series = parsed.data.map((entry) => ("values" in entry ? entry : { metric: entry.metric, values: [entry.value] }));
  } else {
    const shown = typeof envelope.resultType === "string" ? `"${envelope.resultType}"` : "missing";
    return fail(`data.resultType is ${shown}; expected "matrix" (range query) or "vector" (instant query)`, "data.resultType");
  }
  if (series.length === 0) return fail("data.result is empty: the query returned no series", "data.result");

  const total = series.reduce((sum, entry) => sum + entry.values.length, 0);
  if (total > MAX_METRIC_POINTS) {
    return fail(`too many samples (${total}): the limit is ${MAX_METRIC_POINTS.toLocaleString("en-US")} per upload`, "data.result");
  }

  const groups = new Map<string, { series: string; labels: Record<string, string>; points: SeriesPoint[] }>();
  for (const [seriesIndex, entry] of series.entries()) {
    const { __name__: name = "", ...labels } = entry.metric;
    const key = formatSeriesName(name, labels);
    const group = groups.get(key) ?? { series: key, labels, points: [] };
    for (const [valueIndex, [seconds, raw]] of entry.values.entries()) {
      const at = Math.round(seconds * 1000);
      const value = parseSampleValue(raw);
      const where = `data.result[${seriesIndex}].${envelope.resultType === "vector" ? "value" : `values[${valueIndex}]`}`;
      if (!Number.isFinite(at) || at < 0) return fail(`${where}: timestamp ${seconds} is not a unix time in seconds`, "data.result");
      if (value === null) return fail(`${where}: value ${JSON.stringify(raw)} is not a number`, "data.result");
      group.points.push({ at, value });
    }
    if (group.points.length > 0) groups.set(key, group);
  }

  if (groups.size === 0) return fail("data.result has series but no samples", "data.result");

  const items = [...groups.values()].map((group) => summarizeSeries({ ...group, source: "Prometheus" }));
  items.sort((a, b) => a.at.getTime() - b.at.getTime() || a.dedupeKey.localeCompare(b.dedupeKey));
  return { ok: true, items };
}
