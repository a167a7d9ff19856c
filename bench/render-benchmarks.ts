import { existsSync, readFileSync } from "node:fs";
import type { DraftingResult } from "./drafting";
import type { FirstDraftResult } from "./first-draft";
import type { IngestResult } from "./ingest";
import type { InsightsResult } from "./insights";
import type { ReviewPageResult } from "./review-page";
import type { StakeholderWeightResult } from "./stakeholder-weight";

export function readResult<T>(name: string): T | null {
  const file = `bench/results/${name}.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

const notes = (name: string) => (existsSync(`bench/notes/${name}.md`) ? readFileSync(`bench/notes/${name}.md`, "utf8").trim() : "");
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const n = (value: number) => Math.round(value).toLocaleString("en");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (isMet: boolean) => (isMet ? "met" : "**missed**");
const day = (iso: string) => iso.slice(0, 10);

function drafting(r: DraftingResult): string[] {
  return [
    `## Drafting cost (${day(r.date)})`,
    "",
    "The deterministic drafter on synthetic incidents (flapping alerts, chat, metric series of 60 points, changes, notes). Baseline: the 1,000-event incident in the same run.",
    "",
    "| shape | evidence items | median | min–max | samples |",
    "| --- | --- | --- | --- | --- |",
    ...r.runs.map((x) => `| ${x.shape} | ${n(x.events)} | ${ms(x.medianMs)} | ${ms(x.minMs)}–${ms(x.maxMs)} | ${x.samples} |`),
    "",
    `Ratio 10,000 / 1,000: **${r.ratios.join("× and ")}×** for the two shapes (target: ${r.target}): ${verdict(r.isMet)}.`,
  ];
}

function insights(r: InsightsResult): string[] {
  return [
    `## Insights over 10,000 incidents (${day(r.date)})`,
    "",
    `\`computeInsights\` (what /insights renders) over ${n(r.incidents)} incidents in 90 days, each with a sent report. Baseline: one plain aggregate over the same incidents in the same run.`,
    "",
    "| query | median | min–max | samples |",
    "| --- | --- | --- | --- |",
    ...r.runs.map((x) => `| ${x.label} | ${ms(x.medianMs)} | ${ms(x.minMs)}–${ms(x.maxMs)} | ${x.samples} |`),
    "",
    `Slowest / baseline: **${r.ratio}×**; target ${r.target}: ${verdict(r.isMet)}.`,
  ];
}

/** Results from before the split (no field) ran the workers inside the web instance. */
const workersText = (workers: IngestResult["workers"]) =>
  workers === "separate" ? "its background workers in a process of their own (`npm run sitrep -- workers`; the web instance runs with `SITREP_WORKERS=off`)" : "its background workers inside the web instance";

function ingest(r: IngestResult): string[] {
  const runs = r.app.map((a, i) => `| ${i + 1} | ${n(a.acceptedPerSecond)}/s | ${ms(a.p50Ms)} | ${ms(a.p99Ms)} | ${a.errors} | ${n(r.ceiling[i]!.acceptedPerSecond)}/s | ${ms(r.ceiling[i]!.p99Ms)} |`);
  return [
    `## Ingest throughput and latency (${day(r.date)})`,
    "",
    `Signed PagerDuty v3 webhooks with distinct event ids on 20 PagerDuty incidents (an alert storm: one trigger each, then acknowledgements, escalations and priority changes), from ${r.connections} concurrent senders (autocannon) for ${r.seconds} s per run, against \`next start\` on PostgreSQL, ${workersText(r.workers)}. Baseline (the ceiling): raw \`pg\` INSERTs of a row the size of a stored webhook (same body bytes and headers) into the same database at the same concurrency, run just before each app run.`,
    "",
    "| run | accepted | p50 | p99 | errors | ceiling | ceiling p99 |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...runs,
    "",
    `Median: **${n(r.median.acceptedPerSecond)} events/s** (min–max ${n(r.spread.acceptedPerSecond[0])}–${n(r.spread.acceptedPerSecond[1])}), p50 ${ms(r.median.p50Ms)}, p99 **${ms(r.median.p99Ms)}** (${ms(r.spread.p99Ms[0])}–${ms(r.spread.p99Ms[1])}); ceiling ${n(r.median.ceilingPerSecond)}/s; the route handler alone, in the bench process without HTTP or Next.js: ${n(r.median.inProcessPerSecond)}/s;${r.median.floorPerSecond === undefined ? "" : ` the same app answering a webhook path that does no work (404, no database): ${n(r.median.floorPerSecond)}/s, p99 ${ms(r.median.floorP99Ms!)};`} **${(r.shareOfCeiling * 100).toFixed(1)} %** of the ceiling; ${r.errors} errors. Processed afterwards: ${n(r.processed)} of ${n(r.stored)} stored deliveries (backlog drained ${r.drainSeconds} s after the last run).`,
    "",
    `Target: ${r.target}: ${verdict(r.isMet)}.`,
  ];
}

function firstDraft(r: FirstDraftResult): string[] {
  const row = (p: FirstDraftResult["idle"]) => `| ${p.label} | ${p.samples.length} | ${ms(p.p50Ms)} | ${ms(p.p95Ms)} | ${ms(p.maxMs)} | ${p.missing} | ${p.load ? `${n(p.load.acceptedPerSecond)}/s, ${p.load.errors} errors` : "none"} |`;
  return [
    `## Time to first draft (${day(r.date)})`,
    "",
    `From a new incident's trigger webhook's 2xx until a complete report draft (all six sections) exists, over ${r.incidents} new incidents, ${workersText(r.workers)}. Baseline: the same on the idle app in the same run; then under the ingest load above at half its median rate (${n(r.loadRate)} requests/s asked).`,
    "",
    "| phase | incidents drafted | p50 | p95 | max | not drafted in 60 s | ingest load |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    row(r.idle),
    row(r.loaded),
    "",
    `Loaded p95 / idle p95: **${r.ratio}×**. Target ${r.target}: ${verdict(r.isMet)}.`,
  ];
}

function reviewPage(r: ReviewPageResult): string[] {
  const row = (label: string, runs: ReviewPageResult["small"]) => `| ${label} | ${runs.map((x) => ms(x.p50Ms)).join(", ")} | ${ms(Math.min(...runs.map((x) => x.minMs)))}–${ms(Math.max(...runs.map((x) => x.maxMs)))} | ${kb(runs[0]!.bytes)} |`;
  return [
    `## Review page with ${n(r.entries)} timeline entries (${day(r.date)})`,
    "",
    `Server render of \`/incidents/[key]/review\` (the whole HTML response, one request at a time with a commander's session, autocannon) for an incident of ${n(r.entries)} timeline entries whose draft's timeline holds ${n(r.draftedTimelineItems)} items. Baseline: the same page for the demo incident (about 20 entries) in the same run.`,
    "",
    "| incident | median per run | min–max | HTML |",
    "| --- | --- | --- | --- |",
    row("demo-sized (baseline)", r.small),
    row(`${n(r.entries)} entries`, r.large),
    "",
    `Median **${ms(r.median.largeMs)}** (runs ${ms(r.spread.largeMs[0])}–${ms(r.spread.largeMs[1])}), **${r.ratio}×** the baseline. In Chromium: load ${ms(r.browser.loadMs)}, main-thread long tasks ${ms(r.browser.longTaskMs)}, ${n(r.browser.renderedTimelineRows)} timeline rows in the DOM. Target: ${r.target}: ${verdict(r.isMet)}.`,
  ];
}

function stakeholderWeight(r: StakeholderWeightResult): string[] {
  const row = (w: StakeholderWeightResult["status"]) => `| \`${w.path}\` | ${w.files} (${kb(w.fileGzipBytes)}) | ${w.inlineScripts} (${kb(w.inlineGzipBytes)}) | ${kb(w.gzipBytes)} | ${kb(w.rawBytes)} |`;
  return [
    `## Stakeholder page weight (${day(r.date)})`,
    "",
    "First-load JavaScript: the build's files (`.next/static`) that the page's HTML loads, gzipped (level 9), and its inline scripts, gzipped together as they travel in the HTML. Baseline: `/login`, the other page people open without a session.",
    "",
    "| page | files (gzip) | inline scripts (gzip) | gzip total | uncompressed |",
    "| --- | --- | --- | --- | --- |",
    row(r.status),
    row(r.login),
    "",
    `Stakeholder page / login: **${r.ratio}×**. Target: ${r.target}: ${verdict(r.isMet)}.`,
  ];
}

/** BENCHMARKS.md from every result in bench/results/, each followed by its notes (bench/notes/<name>.md: before/after, gaps). */
export function renderBenchmarks(): string {
  const sections: [string, (r: never) => string[]][] = [
    ["ingest", ingest],
    ["first-draft", firstDraft],
    ["drafting", drafting],
    ["review-page", reviewPage],
    ["stakeholder-weight", stakeholderWeight],
    ["insights", insights],
  ];
  const lines = [
    "# Benchmarks",
    "",
    "Measured by `npm run bench` (or `npm run bench -- <name>`) on this project's 2-core machine, which is shared and noisy: every figure stands beside a baseline measured in the same run, with medians of several runs and their min–max spread. Raw results are in `bench/results/`; the notes under each table are in `bench/notes/`.",
  ];
  for (const [name, render] of sections) {
    const result = readResult<never>(name);
    lines.push("", ...(result ? render(result) : [`## ${name}`, "", "Not measured yet."]));
    const note = notes(name);
    if (note) lines.push("", note);
  }
  return `${lines.join("\n")}\n`;
}
