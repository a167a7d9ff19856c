import { randomBytes } from "node:crypto";
import { Bench } from "tinybench";
import { SYSTEM_ACTOR } from "@/lib/authz";
import { createDatabaseIfMissing, dropDatabase } from "@/lib/database/admin-database";
import { withDatabase } from "@/lib/database/database-url";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { migrateDatabase } from "@/lib/database/prepare-database";
import { createDb } from "@/lib/db";
import { computeInsights } from "@/lib/insights/compute-insights";

export type InsightsResult = {
  name: "insights";
  date: string;
  incidents: number;
  runs: { label: string; medianMs: number; minMs: number; maxMs: number; samples: number }[];
  ratio: number;
  target: string;
  isMet: boolean;
};

const N = 10_000;

/** 10,000 resolved incidents over 90 days, each with a sent report (revision, approval, delivery), inserted set-wise. */
async function seed(db: ReturnType<typeof createDb>) {
  const approver = await db.user.create({ data: { email: "bench@sitrep.local", name: "Bench", role: "COMMANDER" } });
  await db.$executeRawUnsafe(`
    INSERT INTO "Incident" ("id", "title", "severity", "category", "status", "services", "tags", "startedAt", "acknowledgedAt", "resolvedAt", "updatedAt")
    SELECT 'bi' || g, 'Bench incident ' || g, (ARRAY['SEV1','SEV2','SEV3','SEV4'])[1 + g % 4]::"Severity", (ARRAY['outage','degradation','security'])[1 + g % 3]::"IncidentCategory",
      'resolved', ARRAY['svc-' || (g % 25)], ARRAY['team-' || (g % 12)], now() - (g % 89) * interval '1 day' - (g % 1440) * interval '1 minute',
      now() - (g % 89) * interval '1 day' - (g % 1440) * interval '1 minute' + (1 + g % 20) * interval '1 minute',
      now() - (g % 89) * interval '1 day' - (g % 1440) * interval '1 minute' + (30 + g % 300) * interval '1 minute', now()
    FROM generate_series(1, ${N}) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "ReportRevision" ("id", "incidentId", "kind", "number", "state", "sections", "contentHash", "meta", "authorType", "createdAt", "updatedAt")
    SELECT 'br' || g, 'bi' || g, 'report', 1, 'approved', '{}', 'h' || g,
      CASE WHEN g % 3 = 0 THEN '{"origins":{"summary":"human"},"editSize":{"summary":40}}'::jsonb ELSE '{"origins":{}}'::jsonb END, 'machine',
      i."startedAt" + (1 + g % 5) * interval '1 minute', now()
    FROM generate_series(1, ${N}) g JOIN "Incident" i ON i."id" = 'bi' || g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Approval" ("id", "revisionId", "approverId", "contentHash", "createdAt")
    SELECT 'ba' || g, 'br' || g, '${approver.id}', 'h' || g, r."createdAt" + interval '10 minutes' FROM generate_series(1, ${N}) g JOIN "ReportRevision" r ON r."id" = 'br' || g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Delivery" ("id", "revisionId", "approvalId", "contentHash", "template", "reason", "recipient", "status", "messageId", "subject", "html", "text", "sentAt")
    SELECT 'bd' || g, 'br' || g, 'ba' || g, 'h' || g, 'incident_report', 'Bench', 'x@example.com', 'sent', '<bd' || g || '@b>', 's', '', '', a."createdAt" + interval '1 minute'
    FROM generate_series(1, ${N}) g JOIN "Approval" a ON a."id" = 'ba' || g`);
  await db.$executeRawUnsafe(`UPDATE "ReportRevision" SET "state" = 'sent' WHERE "id" LIKE 'br%'`);
  await db.$executeRawUnsafe(`ANALYZE`);
}

/**
 * The insights page's computation over 10,000 incidents (90 days, every metric, breakdown by
 * service). Baseline in the same run: one plain aggregate over the same incidents, the floor any
 * query of them costs. Target: well under a second.
 */
export async function benchInsights(): Promise<InsightsResult> {
  const server = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: ".data/bench-postgres", port: 54331 });
  const serverUrl = server?.serverUrl ?? withDatabase(process.env.DATABASE_URL!, "postgres");
  const name = `sitrep_bench_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  const db = createDb(url);
  try {
    await migrateDatabase(url, { quiet: true });
    await seed(db);
    const ctx = { db, actor: SYSTEM_ACTOR };
    const bench = new Bench({ time: 3_000, iterations: 10, warmup: true, retainSamples: true });
    bench.add("baseline: one aggregate over the incidents", async () => {
      await db.$queryRaw`SELECT COUNT(*), AVG(EXTRACT(EPOCH FROM "resolvedAt" - "startedAt")) FROM "Incident" WHERE "mergedIntoId" IS NULL AND "startedAt" >= now() - interval '90 days'`;
    });
    bench.add("insights, 90 days, by severity", async () => void (await computeInsights(ctx, { period: "90", groupBy: "severity" })));
    bench.add("insights, 90 days, by service", async () => void (await computeInsights(ctx, { period: "90", groupBy: "service" })));
    await bench.run();
    const runs = bench.tasks.map((task) => {
      const samples = [...((task.result as { latency?: { samples?: number[] } } | undefined)?.latency?.samples ?? [])].sort((a, b) => a - b);
      return { label: task.name, medianMs: samples[Math.floor(samples.length / 2)] ?? NaN, minMs: samples[0] ?? NaN, maxMs: samples.at(-1) ?? NaN, samples: samples.length };
    });
    const slowest = Math.max(runs[1]!.medianMs, runs[2]!.medianMs);
    const incidents = (await computeInsights(ctx, { period: "90" })).total.incidents;
    return { name: "insights", date: new Date().toISOString(), incidents, runs, ratio: Number((slowest / runs[0]!.medianMs).toFixed(1)), target: "median < 1,000 ms over 10,000 incidents", isMet: slowest < 1000 };
  } finally {
    await db.$disconnect();
    await dropDatabase(serverUrl, name);
    await server?.stop();
  }
}
