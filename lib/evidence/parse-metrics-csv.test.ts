import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseMetricsCsv } from "./parse-metrics-csv";

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../../tests/fixtures/evidence/${file}`, import.meta.url)), "utf8");

function parse(text: string) {
  const outcome = parseMetricsCsv({ text });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.items;
}

describe("parseMetricsCsv", () => {
  it("summarises each series around the 09:07 spike", () => {
    const [ratio, latency, ...rest] = parse(read("metrics.csv"));
    expect(rest).toEqual([]);
    expect(ratio).toMatchObject({
      kind: "metric_sample",
      at: new Date("2026-11-29T09:00:00Z"),
      source: "Metrics CSV",
      text: "checkout_api_http_5xx_ratio: 12 points 09:00–09:30 UTC, min 0.002, max 0.124 at 09:07 UTC",
      dedupeKey: "metric:checkout_api_http_5xx_ratio:2026-11-29T09:00:00.000Z:2026-11-29T09:30:00.000Z:12",
      data: { series: "checkout_api_http_5xx_ratio", labels: {}, min: 0.002, max: 0.124, peakAt: "2026-11-29T09:07:00.000Z" },
    });
    // Rows arrive out of order (09:07 before 09:06); points come out sorted.
    const points = ratio?.data.points as [string, number][];
    expect(points.slice(3, 6)).toEqual([
      ["2026-11-29T09:06:00.000Z", 0.004],
      ["2026-11-29T09:07:00.000Z", 0.124],
      ["2026-11-29T09:08:00.000Z", 0.118],
    ]);
    expect(points.at(-1)).toEqual(["2026-11-29T09:30:00.000Z", 0.003]);
    // This series uses epoch seconds.
    expect(latency?.text).toBe("checkout_api_p99_latency_seconds: 8 points 09:00–09:30 UTC, min 0.21, max 2.4 at 09:08 UTC");
  });

  it("gives the same dedupe keys on a second upload", () => {
    expect(parse(read("metrics.csv")).map((item) => item.dedupeKey)).toEqual(parse(read("metrics.csv")).map((item) => item.dedupeKey));
  });

  it("matches columns by name and turns extra columns into labels", () => {
    const items = parse(
      "value,Timestamp,region,series\n1,1795942800000,eu,up\n0,1795942860000,eu,up\n1,1795942800000,,up\n" +
        "NaN,2026-11-29 09:02:30,eu,up\n+Inf,2026-11-29T10:02:00+01:00,eu,up\n",
    );
    expect(items.map((item) => [item.data.series, item.data.labels, item.data.points])).toEqual([
      ["up", {}, [["2026-11-29T09:00:00.000Z", 1]]],
      [
        'up{region="eu"}',
        { region: "eu" },
        [
          ["2026-11-29T09:00:00.000Z", 1],
          ["2026-11-29T09:01:00.000Z", 0],
          ["2026-11-29T09:02:00.000Z", "+Inf"],
          ["2026-11-29T09:02:30.000Z", "NaN"],
        ],
      ],
    ]);
    expect(items[0]?.text).toBe("up: 1 point at 09:00 UTC, min 1, max 1 at 09:00 UTC");
    expect(items[1]?.data).toMatchObject({ min: 0, max: 1, peakAt: "2026-11-29T09:00:00.000Z" });
  });

  it("takes the first of equal maxima as the peak", () => {
    const [item] = parse("timestamp,series,value\n1795943100,up,5\n1795942800,up,1\n1795942980,up,5\n1795943160,up,2\n");
    expect(item?.data).toMatchObject({ min: 1, max: 5, peakAt: "2026-11-29T09:03:00.000Z" });
  });

  it("names the line of a bad timestamp or value", () => {
    expect(parseMetricsCsv({ text: read("hostile/metrics-bad-timestamp.csv") })).toEqual({
      ok: false,
      message: 'line 4: timestamp "yesterday at 9" is not an ISO 8601 date-time or epoch seconds',
      line: 4,
      field: "timestamp",
    });
    expect(parseMetricsCsv({ text: read("hostile/metrics-bad-value.csv") })).toEqual({
      ok: false,
      message: 'line 3: value "n/a" is not a number',
      line: 3,
      field: "value",
    });
    expect(parseMetricsCsv({ text: "timestamp,series,value\n2026-02-30T09:00:00Z,up,1\n" })).toMatchObject({ line: 2, field: "timestamp" });
    expect(parseMetricsCsv({ text: "timestamp,series,value\n\n2026-11-29T09:00:00Z,up,0x10\n" })).toMatchObject({ line: 3, field: "value" });
  });

  it("requires the header", () => {
    expect(parseMetricsCsv({ text: read("hostile/metrics-no-header.csv") })).toEqual({
      ok: false,
      message: 'line 1: header must be timestamp,series,value; got "2026-11-29T09:00:00Z,checkout_api_http_5xx_ratio,0.002"',
      line: 1,
      field: "header",
    });
    expect(parseMetricsCsv({ text: "" })).toEqual({ ok: false, message: "the file is empty; header must be timestamp,series,value" });
    expect(parseMetricsCsv({ text: "timestamp,series,value\n" })).toMatchObject({ message: "line 1: no data rows after the header" });
  });

  it("rejects ragged rows and broken quoting with their line", () => {
    expect(parseMetricsCsv({ text: "timestamp,series,value\n2026-11-29T09:00:00Z,up\n" })).toMatchObject({
      message: "line 2: expected 3 columns, got 2",
    });
    expect(parseMetricsCsv({ text: 'timestamp,series,value\n2026-11-29T09:00:00Z,"up,1\n' }).ok).toBe(false);
  });

  it("refuses more than 100,000 rows", () => {
    const rows = Array.from({ length: 100_001 }, (_, index) => `${1795942800 + index},up,1`);
    expect(parseMetricsCsv({ text: `timestamp,series,value\n${rows.join("\n")}\n` })).toEqual({
      ok: false,
      message: "too many rows: the limit is 100,000 per file",
    });
    expect(parseMetricsCsv({ text: `timestamp,series,value\n${rows.slice(1).join("\n")}\n` }).ok).toBe(true);
  });
});
