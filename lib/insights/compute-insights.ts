import { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { insightsFilterSchema, resolvePeriod, type InsightsFilter } from "@/lib/insights/schemas";

type Stat = { p50: number | null; p90: number | null; mean: number | null; n: number };
export type MetricRow = { key: string; incidents: number; open: number; mtta: Stat; mttr: Stat; firstDraft: Stat; firstApproval: Stat; reportSent: Stat; reportsSent: number; reportsEdited: number };

const minutes = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

/**
 * One incident per row, its milestones in minutes from the (corrected) start: acknowledged,
 * resolved, first draft, first approval, first report delivered. Merged incidents count once,
 * under the incident they were merged into; open ones have no resolve time (they are counted as
 * open, never as zero).
 */
function baseQuery(filter: ReturnType<typeof insightsFilterSchema.parse>, from: Date, to: Date): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`i."mergedIntoId" IS NULL`, Prisma.sql`COALESCE(i."startedAtCorrected", i."startedAt") >= ${from}`, Prisma.sql`COALESCE(i."startedAtCorrected", i."startedAt") < ${to}`];
  if (filter.severity?.length) where.push(Prisma.sql`i."severity"::text IN (${Prisma.join(filter.severity)})`);
  if (filter.category?.length) where.push(Prisma.sql`i."category"::text IN (${Prisma.join(filter.category)})`);
  if (filter.service) where.push(Prisma.sql`${filter.service} = ANY(i."services")`);
  if (filter.tag) where.push(Prisma.sql`${filter.tag} = ANY(i."tags")`);
  // Milestones per incident come from one grouped pass over each table (hash joins), not a subquery per
  // incident. Work done on an incident later merged into another counts for the one it was merged into.
  return Prisma.sql`
    WITH picked AS (
      SELECT i."id", i."severity"::text AS severity, i."category"::text AS category, i."services", i."tags",
        COALESCE(i."startedAtCorrected", i."startedAt") AS started,
        COALESCE(i."acknowledgedAtCorrected", i."acknowledgedAt") AS acked,
        -- Only a resolved incident has a resolve time; a reopened one is open again, whatever was corrected.
        CASE WHEN i."status" = 'resolved' THEN COALESCE(i."resolvedAtCorrected", i."resolvedAt") END AS resolved,
        i."status" <> 'resolved' AS is_open
      FROM "Incident" i WHERE ${Prisma.join(where, " AND ")}
    ),
    owned AS (
      SELECT r."id" AS "revisionId", r."kind", r."state", r."number", r."createdAt", r."meta", COALESCE(src."mergedIntoId", src."id") AS "incidentId"
      FROM "ReportRevision" r JOIN "Incident" src ON src."id" = r."incidentId"
      WHERE COALESCE(src."mergedIntoId", src."id") IN (SELECT "id" FROM picked)
    ),
    drafts AS (SELECT "incidentId", MIN("createdAt") AS first_draft FROM owned WHERE "kind" = 'report' GROUP BY "incidentId"),
    approvals AS (
      SELECT o."incidentId", MIN(a."createdAt") AS first_approval
      FROM "Approval" a JOIN owned o ON o."revisionId" = a."revisionId" WHERE a."voidedAt" IS NULL GROUP BY o."incidentId"
    ),
    delivered AS (
      SELECT o."incidentId", o."revisionId", MIN(d."sentAt") AS sent_at
      FROM "Delivery" d JOIN owned o ON o."revisionId" = d."revisionId"
      WHERE d."template" = 'incident_report' AND d."status" = 'sent' GROUP BY o."incidentId", o."revisionId"
    ),
    -- Grouped, not a subquery per incident: PostgreSQL 15 scans the CTE once per row for that (quadratic).
    first_sent AS (SELECT "incidentId", MIN(sent_at) AS first_sent FROM delivered GROUP BY "incidentId"),
    -- Per incident, the last report that actually reached someone: edited or not, and by how much.
    last_sent AS (
      SELECT DISTINCT ON (o."incidentId") o."incidentId", o."revisionId", o."meta",
        jsonb_path_exists(COALESCE(o."meta"->'origins', '{}'::jsonb), '$.* ? (@ == "human")') AS edited
      FROM owned o JOIN delivered d ON d."revisionId" = o."revisionId"
      ORDER BY o."incidentId", o."number" DESC
    ),
    base AS MATERIALIZED (
      SELECT p."id", p.severity, p.category, p."services", p."tags", p.started,
        EXTRACT(EPOCH FROM p.acked - p.started) / 60 AS mtta,
        EXTRACT(EPOCH FROM p.resolved - p.started) / 60 AS mttr,
        EXTRACT(EPOCH FROM v.first_draft - p.started) / 60 AS first_draft,
        EXTRACT(EPOCH FROM a.first_approval - p.started) / 60 AS first_approval,
        EXTRACT(EPOCH FROM s.first_sent - p.started) / 60 AS report_sent,
        CASE WHEN l."revisionId" IS NULL THEN 0 ELSE 1 END AS reports_sent,
        CASE WHEN l.edited THEN 1 ELSE 0 END AS reports_edited,
        l."meta"->'editSize' AS edit_size,
        p.is_open
      FROM picked p LEFT JOIN drafts v ON v."incidentId" = p."id" LEFT JOIN approvals a ON a."incidentId" = p."id" LEFT JOIN last_sent l ON l."incidentId" = p."id"
        LEFT JOIN first_sent s ON s."incidentId" = p."id"
    )`;
}

const stat = (column: string) => Prisma.raw(`
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column}) AS ${column}_p50,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${column}) AS ${column}_p90,
  AVG(${column}) AS ${column}_mean,
  COUNT(${column}) AS ${column}_n`);
const AGGREGATES = Prisma.sql`COUNT(*) AS incidents, COUNT(*) FILTER (WHERE is_open) AS open, ${stat("mtta")}, ${stat("mttr")}, ${stat("first_draft")}, ${stat("first_approval")}, ${stat("report_sent")},
  COALESCE(SUM(reports_sent), 0) AS reports_sent, COALESCE(SUM(reports_edited), 0) AS reports_edited`;

function toRow(raw: Record<string, unknown>): MetricRow {
  const s = (c: string): Stat => ({ p50: minutes(raw[`${c}_p50`]), p90: minutes(raw[`${c}_p90`]), mean: minutes(raw[`${c}_mean`]), n: Number(raw[`${c}_n`] ?? 0) });
  return {
    key: String(raw.key ?? "all"),
    incidents: Number(raw.incidents),
    open: Number(raw.open),
    mtta: s("mtta"),
    mttr: s("mttr"),
    firstDraft: s("first_draft"),
    firstApproval: s("first_approval"),
    reportSent: s("report_sent"),
    reportsSent: Number(raw.reports_sent),
    reportsEdited: Number(raw.reports_edited),
  };
}

const GROUP_KEY: Record<string, Prisma.Sql> = {
  severity: Prisma.sql`severity`,
  category: Prisma.sql`category`,
  service: Prisma.sql`unnest(CASE WHEN cardinality(services) = 0 THEN ARRAY['(none)'] ELSE services END)`,
  tag: Prisma.sql`unnest(CASE WHEN cardinality(tags) = 0 THEN ARRAY['(none)'] ELSE tags END)`,
};

/**
 * The team's numbers for a period, computed in PostgreSQL (aggregates over one row per incident,
 * never incidents loaded into memory): totals, a trend per day or week, a breakdown by severity,
 * category, service or tag, and how much people changed each section of the machine's reports.
 */
export async function computeInsights(ctx: Ctx, input: InsightsFilter, now = new Date()) {
  assertCan(ctx.actor, "insights.read");
  const filter = insightsFilterSchema.parse(input);
  const { from, to, bucket } = resolvePeriod(filter, now);
  const base = baseQuery(filter, from, to);
  // One statement, one pass over the incidents: every table of the page is an aggregate of the same materialised rows.
  const [result] = await ctx.db.$queryRaw<{ total: Record<string, unknown>; trend: Record<string, unknown>[] | null; breakdown: Record<string, unknown>[] | null; edits: { section: string; revisions: number; mean: number; p50: number }[] | null }[]>`
    ${base},
    keyed AS (SELECT ${GROUP_KEY[filter.groupBy]!} AS key, * FROM base)
    SELECT
      (SELECT row_to_json(t) FROM (SELECT ${AGGREGATES} FROM base) t) AS total,
      (SELECT json_agg(t ORDER BY t.key) FROM (SELECT to_char(date_trunc(${bucket}, started), 'YYYY-MM-DD') AS key, ${AGGREGATES} FROM base GROUP BY 1) t) AS trend,
      (SELECT json_agg(t ORDER BY t.incidents DESC, t.key) FROM (SELECT key, ${AGGREGATES} FROM keyed GROUP BY key) t) AS breakdown,
      (SELECT json_agg(t ORDER BY t.section) FROM (
        SELECT e."key" AS section, COUNT(*) AS revisions, AVG(e."value"::numeric) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY e."value"::numeric) AS p50
        FROM base b CROSS JOIN LATERAL jsonb_each_text(COALESCE(b.edit_size, '{}'::jsonb)) e
        WHERE b.reports_edited = 1
        GROUP BY e."key") t) AS edits`;
  const { total, trend, breakdown, edits } = { total: result!.total, trend: result!.trend ?? [], breakdown: result!.breakdown ?? [], edits: result!.edits ?? [] };
  return {
    filter: { ...filter, from: from.toISOString(), to: to.toISOString(), bucket },
    total: toRow({ ...total, key: "all" }),
    trend: trend.map(toRow),
    breakdown: breakdown.map(toRow),
    edits: edits.map((e) => ({ section: e.section, revisions: Number(e.revisions), mean: Math.round(Number(e.mean)), p50: Math.round(Number(e.p50)) })),
  };
}

export type Insights = Awaited<ReturnType<typeof computeInsights>>;
