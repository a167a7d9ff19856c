import type { AuditEvent } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { csvCell } from "@/lib/csv/csv-cell";
import { auditFieldsOf } from "@/lib/audit/hash-audit-event";
import { auditWhere, incidentKeys } from "@/lib/audit/list-audit-events";
import { auditFilterSchema } from "@/lib/audit/schemas";

export type AuditExportFormat = "csv" | "jsonl";

const BATCH = 1000;
const COLUMNS = ["id", "at", "actor_type", "actor_id", "actor_label", "action", "target_type", "target_id", "incident_id", "before", "after", "request_id", "incident_key", "prev_hash", "hash"];

/**
 * The filtered audit log, oldest first, as CSV or JSON Lines for a SIEM: read in batches by id so
 * a log of any length streams in constant memory, with the hashes so the receiver can re-verify.
 */
export async function* exportAuditEvents(ctx: Ctx, input: { format: AuditExportFormat; filter: unknown }): AsyncGenerator<string> {
  assertCan(ctx.actor, "audit.read");
  const filter = auditFilterSchema.parse(input.filter);
  const where = await auditWhere(ctx.db, filter);
  if (input.format === "csv") yield `${COLUMNS.join(",")}\r\n`;
  let cursor: bigint | null = null;
  for (;;) {
    const rows: AuditEvent[] = await ctx.db.auditEvent.findMany({ where: { ...where, ...(cursor !== null && { id: { gt: cursor } }) }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) return;
    const keys = await incidentKeys(ctx.db, rows.map((r) => r.incidentId));
    let chunk = "";
    for (const row of rows) {
      const record = {
        id: row.id.toString(),
        ...auditFieldsOf(row),
        at: row.at.toISOString(),
        incidentKey: row.incidentId ? (keys.get(row.incidentId) ?? null) : null,
        prevHash: row.prevHash,
        hash: row.hash,
      };
      chunk +=
        input.format === "jsonl"
          ? `${JSON.stringify(record)}\n`
          : `${Object.values(record)
              .map((v) => csvCell(v === null || typeof v === "string" ? v : JSON.stringify(v)))
              .join(",")}\r\n`;
    }
    yield chunk;
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) return;
  }
}
