import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePrometheusMatrix } from "./parse-prometheus-matrix";

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../../tests/fixtures/evidence/${file}`, import.meta.url)), "utf8");
const rangeBody = () => JSON.parse(read("prometheus-range.json")) as unknown;

function parse(body: unknown) {
  const outcome = parsePrometheusMatrix({ body });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.items;
}

function matrix(values: unknown[], metric: Record<string, string> = { __name__: "up" }) {
  return { status: "success", data: { resultType: "matrix", result: [{ metric, values }] } };
}

describe("parsePrometheusMatrix", () => {
  it("summarises each series of a range query in Prometheus notation", () => {
    const [ratio, requests, ...rest] = parse(rangeBody());
    expect(rest).toEqual([]);
    expect(ratio).toMatchObject({
      kind: "metric_sample",
      source: "Prometheus",
      at: new Date("2026-11-29T09:00:00Z"),
      text: 'checkout_api_http_5xx_ratio{service="checkout-api"}: 31 points 09:00–09:30 UTC, min 0.002, max 0.124 at 09:07 UTC',
      dedupeKey: 'metric:checkout_api_http_5xx_ratio{service="checkout-api"}:2026-11-29T09:00:00.000Z:2026-11-29T09:30:00.000Z:31',
      data: { labels: { service: "checkout-api" }, min: 0.002, max: 0.124, peakAt: "2026-11-29T09:07:00.000Z" },
    });
    // The scrape gap stays visible in the points, as a JSON-safe string.
    expect((ratio?.data.points as unknown[]).slice(0, 2)).toEqual([
      ["2026-11-29T09:00:00.000Z", 0.002],
      ["2026-11-29T09:01:00.000Z", "NaN"],
    ]);
    expect(requests?.data).toMatchObject({
      series: 'http_requests_total{code="502",service="checkout-api"}',
      labels: { code: "502", service: "checkout-api" },
      min: 182348,
      max: 185308,
      peakAt: "2026-11-29T09:30:00.000Z",
    });
    expect(JSON.parse(JSON.stringify(ratio?.data))).toEqual(ratio?.data);
  });

  it("gives the same dedupe keys on a second upload, also when the body arrives as text", () => {
    expect(parse(read("prometheus-range.json")).map((item) => item.dedupeKey)).toEqual(parse(rangeBody()).map((item) => item.dedupeKey));
  });

  it("accepts an instant vector, float timestamps and series without a name", () => {
    const items = parse({
      status: "success",
      data: { resultType: "vector", result: [{ metric: { job: "checkout", instance: "a:9090" }, value: [1795943220.781, "0.124"] }] },
    });
    expect(items.map((item) => [item.data.series, item.at.toISOString(), item.text])).toEqual([
      ['{instance="a:9090",job="checkout"}', "2026-11-29T09:07:00.781Z", '{instance="a:9090",job="checkout"}: 1 point at 09:07:00 UTC, min 0.124, max 0.124 at 09:07:00 UTC'],
    ]);
  });

  it("excludes non-finite values from min and max", () => {
    const [item] = parse(matrix([[1795942800, "+Inf"], [1795942860, "-Inf"], [1795942920, "NaN"]]));
    expect(item?.data).toMatchObject({ min: null, max: null, peakAt: null, points: [[expect.any(String), "+Inf"], [expect.any(String), "-Inf"], [expect.any(String), "NaN"]] });
    expect(item?.text).toBe("up: 3 points 09:00–09:02 UTC, no finite values");
  });

  it("reports Prometheus's own error", () => {
    expect(parsePrometheusMatrix({ body: JSON.parse(read("hostile/prometheus-error.json")) })).toEqual({
      ok: false,
      message: 'Prometheus returned an error (bad_data): invalid parameter "query": 1:32: parse error: unexpected end of input',
      field: "error",
    });
  });

  it("names the path of a malformed sample", () => {
    expect(parsePrometheusMatrix({ body: matrix([[1795942800, "1"], [1795942860, 0.5]]) })).toEqual({
      ok: false,
      message: "data.result[0].values[1][1]: Invalid input: expected string, received number",
      field: "data.result",
    });
    expect(parsePrometheusMatrix({ body: matrix([[1795942800, "1"], [1795942860, "fast"]]) })).toEqual({
      ok: false,
      message: 'data.result[0].values[1]: value "fast" is not a number',
      field: "data.result",
    });
  });

  it("refuses other result types, empty results, histograms and non-Prometheus bodies", () => {
    expect(parsePrometheusMatrix({ body: { status: "success", data: { resultType: "scalar", result: [1, "2"] } } })).toMatchObject({
      message: 'data.resultType is "scalar"; expected "matrix" (range query) or "vector" (instant query)',
    });
    expect(parsePrometheusMatrix({ body: { status: "success", data: { resultType: "matrix", result: [] } } })).toMatchObject({
      message: "data.result is empty: the query returned no series",
    });
    expect(parsePrometheusMatrix({ body: { status: "success", data: { resultType: "matrix", result: [{ metric: {}, histograms: [] }] } } })).toMatchObject({
      message: "data.result[0]: native histogram series are not supported",
    });
    expect(parsePrometheusMatrix({ body: [1, 2] })).toMatchObject({ ok: false });
    expect(parsePrometheusMatrix({ body: "{not json" })).toMatchObject({ message: "the body is not valid JSON" });
    expect(parsePrometheusMatrix({ body: { status: "pending" } })).toMatchObject({ field: "status" });
  });
});
