import { performance } from "node:perf_hooks";
import pg from "pg";
import type { BenchApp } from "./app-server";
import { runFrameworkFloor, runPagerDutyLoad, type LoadResult } from "./pagerduty-load";
import { runIngestInProcess } from "./ingest-in-process";
import { runPgCeiling } from "./pg-ceiling";
import { median, spread } from "./stats";

export type IngestResult = {
  name: "ingest";
  date: string;
  connections: number;
  seconds: number;
  /** Where the background workers ran: beside the web instance in a process of their own, or inside it. */
  workers?: "separate" | "in-process";
  app: LoadResult[];
  ceiling: LoadResult[];
  /** The same app answering 404 on a webhook path with no database work: what Next.js alone allows here. */
  floor?: LoadResult[];
  /** The route handler called in the bench process (no HTTP, no Next.js): where the gap to the ceiling is. */
  inProcess: LoadResult[];
  median: { acceptedPerSecond: number; p50Ms: number; p99Ms: number; ceilingPerSecond: number; ceilingP99Ms: number; inProcessPerSecond: number; floorPerSecond?: number; floorP99Ms?: number };
  spread: { acceptedPerSecond: [number, number]; p99Ms: [number, number]; ceilingPerSecond: [number, number] };
  shareOfCeiling: number;
  errors: number;
  stored: number;
  processed: number;
  drainSeconds: number;
  target: string;
  isMet: boolean;
};

/** Waits until no stored delivery is left unprocessed; returns how long the backlog took. */
export async function waitForProcessing(databaseUrl: string, timeoutSeconds = Number(process.env.BENCH_DRAIN_TIMEOUT ?? 300)): Promise<{ stored: number; processed: number; drainSeconds: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    for (;;) {
      const { rows } = await client.query<{ stored: string; pending: string; processed: string }>(
        `SELECT count(*) AS stored, count(*) FILTER (WHERE state = 'received') AS pending, count(*) FILTER (WHERE state = 'processed') AS processed FROM "RawEvent"`,
      );
      const row = rows[0]!;
      const elapsed = (performance.now() - started) / 1000;
      if (Number(row.pending) === 0 || elapsed > timeoutSeconds) return { stored: Number(row.stored), processed: Number(row.processed), drainSeconds: Number(elapsed.toFixed(1)) };
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

/** Ingest throughput and latency against `next start`, each run beside a raw-INSERT ceiling run. */
export async function benchIngest(app: BenchApp, databaseUrl: string, options: { runs: number; seconds: number; connections: number }): Promise<IngestResult> {
  const appRuns: LoadResult[] = [];
  const ceilingRuns: LoadResult[] = [];
  const inProcessRuns: LoadResult[] = [];
  const floorRuns: LoadResult[] = [];
  // Warm-up: the first requests compile routes' server chunks and open pools.
  await runPagerDutyLoad(app.baseUrl, { connections: 10, seconds: 3, runId: "warm" });
  await waitForProcessing(databaseUrl);
  for (let run = 0; run < options.runs; run++) {
    ceilingRuns.push(await runPgCeiling(databaseUrl, options));
    appRuns.push(await runPagerDutyLoad(app.baseUrl, { ...options, runId: String(run) }));
    await waitForProcessing(databaseUrl);
    floorRuns.push(await runFrameworkFloor(app.baseUrl, { connections: options.connections, seconds: Math.min(options.seconds, 10) }));
    inProcessRuns.push(await runIngestInProcess(databaseUrl, { ...options, seconds: Math.min(options.seconds, 10) }));
    console.log(`[bench] ingest run ${run + 1}: ${appRuns.at(-1)!.acceptedPerSecond.toFixed(0)}/s (ceiling ${ceilingRuns.at(-1)!.acceptedPerSecond.toFixed(0)}/s)`);
    // Each run starts on an empty backlog, so one run's processing does not slow the next.
    await waitForProcessing(databaseUrl);
  }
  const processing = await waitForProcessing(databaseUrl);
  const rate = (r: LoadResult) => r.acceptedPerSecond;
  const m = {
    inProcessPerSecond: median(inProcessRuns.map(rate)),
    floorPerSecond: median(floorRuns.map(rate)),
    floorP99Ms: median(floorRuns.map((r) => r.p99Ms)),
    acceptedPerSecond: median(appRuns.map(rate)),
    p50Ms: median(appRuns.map((r) => r.p50Ms)),
    p99Ms: median(appRuns.map((r) => r.p99Ms)),
    ceilingPerSecond: median(ceilingRuns.map(rate)),
    ceilingP99Ms: median(ceilingRuns.map((r) => r.p99Ms)),
  };
  const errors = appRuns.reduce((sum, r) => sum + r.errors, 0);
  const accepted = appRuns.reduce((sum, r) => sum + r.accepted, 0);
  const shareOfCeiling = Number((m.acceptedPerSecond / m.ceilingPerSecond).toFixed(3));
  const isMet = m.acceptedPerSecond >= 1000 && m.p99Ms < 100 && shareOfCeiling >= 0.5 && errors === 0 && processing.processed >= accepted;
  return {
    name: "ingest",
    workers: app.workers,
    date: new Date().toISOString(),
    connections: options.connections,
    seconds: options.seconds,
    app: appRuns,
    ceiling: ceilingRuns,
    inProcess: inProcessRuns,
    floor: floorRuns,
    median: m,
    spread: { acceptedPerSecond: spread(appRuns.map(rate)), p99Ms: spread(appRuns.map((r) => r.p99Ms)), ceilingPerSecond: spread(ceilingRuns.map(rate)) },
    shareOfCeiling,
    errors,
    ...processing,
    target: "≥ 1,000 events/s, p99 < 100 ms, ≥ 50 % of the ceiling, 0 errors, every accepted event processed",
    isMet,
  };
}
