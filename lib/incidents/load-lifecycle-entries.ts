import type { IncidentStatus, Severity } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db";
import type { LifecycleEntry } from "@/lib/incidents/derive-incident-state";

type Row = { at: Date; kind: string; authorType: "machine" | "human"; alertKey: string | null; severity: Severity | null; status: IncidentStatus | null; startsAt: Date | null };

// An RFC 3339 time as the parsers store it; anything else is skipped rather than failing the cast.
const RFC3339 = String.raw`^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$`;

/**
 * The few entries of an incident's timeline that decide its lifecycle, instead of all of them:
 * each alert's latest trigger or resolve, the earliest trigger, one trigger per severity, the
 * latest resolve, the resolve whose alert started first, the first acknowledgement, the latest
 * human status change and the latest priority change. deriveIncidentState gives the same answer
 * on these as on the whole timeline (tests/integration/lifecycle-entries.test.ts compares them), and the work no longer grows
 * with an alert storm's acknowledgements and escalations: each part is an index scan on
 * (incidentId, kind, at). Ties on time fall to the later-stored entry, as in storage order.
 */
export async function loadLifecycleEntries(tx: DbTx, incidentId: string): Promise<LifecycleEntry[]> {
  const rows = await tx.$queryRaw<Row[]>`
    WITH picked AS (
      (SELECT DISTINCT ON (coalesce("data"->>'alertKey', '')) "id" FROM "TimelineEntry"
        WHERE "incidentId" = ${incidentId} AND "authorType" = 'machine' AND "kind" IN ('trigger', 'resolve')
        ORDER BY coalesce("data"->>'alertKey', ''), "at" DESC, "createdAt" DESC, "id" DESC)
      UNION (SELECT "id" FROM "TimelineEntry" WHERE "incidentId" = ${incidentId} AND "authorType" = 'machine' AND "kind" = 'trigger' ORDER BY "at", "createdAt" LIMIT 1)
      UNION (SELECT DISTINCT ON ("data"->>'severity') "id" FROM "TimelineEntry"
        WHERE "incidentId" = ${incidentId} AND "authorType" = 'machine' AND "kind" = 'trigger' AND "data"->>'severity' IS NOT NULL ORDER BY "data"->>'severity', "at")
      UNION (SELECT "id" FROM "TimelineEntry" WHERE "incidentId" = ${incidentId} AND "authorType" = 'machine' AND "kind" = 'resolve' ORDER BY "at" DESC, "createdAt" DESC LIMIT 1)
      UNION (SELECT "id" FROM "TimelineEntry"
        WHERE "incidentId" = ${incidentId} AND "authorType" = 'machine' AND "kind" = 'resolve' AND "data"->>'startsAt' ~ ${RFC3339}
        ORDER BY ("data"->>'startsAt')::timestamptz LIMIT 1)
      UNION (SELECT "id" FROM "TimelineEntry" WHERE "incidentId" = ${incidentId} AND "kind" = 'acknowledge' ORDER BY "at", "createdAt" LIMIT 1)
      UNION (SELECT "id" FROM "TimelineEntry"
        WHERE "incidentId" = ${incidentId} AND "authorType" = 'human' AND "kind" = 'status_change' AND "data"->>'status' IS NOT NULL ORDER BY "at" DESC, "createdAt" DESC LIMIT 1)
      UNION (SELECT "id" FROM "TimelineEntry"
        WHERE "incidentId" = ${incidentId} AND "authorType" = 'machine' AND "kind" = 'priority_change' AND "data"->>'severity' IS NOT NULL ORDER BY "at" DESC, "createdAt" DESC LIMIT 1)
    )
    SELECT e."at", e."kind"::text AS "kind", e."authorType"::text AS "authorType", e."data"->>'alertKey' AS "alertKey", e."data"->>'severity' AS "severity",
      e."data"->>'status' AS "status", CASE WHEN e."data"->>'startsAt' ~ ${RFC3339} THEN (e."data"->>'startsAt')::timestamptz END AS "startsAt"
    FROM "TimelineEntry" e JOIN picked USING ("id")
    ORDER BY e."at", e."createdAt", e."id"`;
  return rows;
}
