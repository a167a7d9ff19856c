import { randomUUID } from "node:crypto";
import { createHistogram, performance } from "node:perf_hooks";
import pg from "pg";
import { buildPagerDutyDelivery } from "./pagerduty-load";
import type { LoadResult } from "./pagerduty-load";

/**
 * The ceiling for ingest: raw `pg` INSERTs of a row the size of a stored webhook (the same body
 * bytes and headers) into the same database, at the same concurrency, with nothing else around.
 */
export async function runPgCeiling(databaseUrl: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.connections });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_ceiling (id text PRIMARY KEY, sender text NOT NULL, delivery_id text NOT NULL, headers jsonb NOT NULL, body bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), UNIQUE (sender, delivery_id))`);
  const histogram = createHistogram();
  let accepted = 0;
  let errors = 0;
  const end = performance.now() + options.seconds * 1000;
  const sender = async () => {
    while (performance.now() < end) {
      const delivery = buildPagerDutyDelivery({ pdIncidentId: "PCEILING", title: "Ceiling row" });
      const started = performance.now();
      try {
        await pool.query("INSERT INTO bench_ceiling (id, sender, delivery_id, headers, body) VALUES ($1, 'pagerduty', $2, $3::jsonb, $4) ON CONFLICT DO NOTHING", [randomUUID(), randomUUID(), JSON.stringify(delivery.headers), delivery.body]);
        accepted++;
        histogram.record(Math.max(1, Math.round((performance.now() - started) * 1000)));
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, sender));
  await pool.query("TRUNCATE bench_ceiling");
  await pool.end();
  return {
    seconds: options.seconds,
    accepted,
    acceptedPerSecond: accepted / options.seconds,
    p50Ms: histogram.percentile(50) / 1000,
    p99Ms: histogram.percentile(99) / 1000,
    errors,
    statusCodes: {},
  };
}
