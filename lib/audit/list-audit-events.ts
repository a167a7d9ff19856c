import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db";
import { formatIncidentKey, parseIncidentKey } from "@/lib/incidents/incident-key";
import { auditFilterSchema, toDate, type AuditFilter } from "@/lib/audit/schemas";

export type AuditEventView = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

/** The audit log newest first, filtered by actor, action, incident and time, a page at a time. */
export async function listAuditEvents(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "audit.read");
  const filter = auditFilterSchema.parse(input);
  const where = await auditWhere(ctx.db, filter);
  const rows = await ctx.db.auditEvent.findMany({ where: { ...where, ...(filter.before && { id: { lt: BigInt(filter.before) } }) }, orderBy: { id: "desc" }, take: filter.limit + 1 });
  const page = rows.slice(0, filter.limit);
  const keys = await incidentKeys(ctx.db, page.map((r) => r.incidentId));
  return {
    filter,
    events: page.map((row) => ({ ...row, id: row.id.toString(), incidentKey: row.incidentId ? (keys.get(row.incidentId) ?? null) : null })),
    nextBefore: rows.length > filter.limit ? page[page.length - 1]!.id.toString() : null,
  };
}

/** The filter as a Prisma where clause; an unknown incident key matches nothing rather than everything. */
export async function auditWhere(db: Db, filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.actor) and.push({ OR: [{ actorLabel: { contains: filter.actor, mode: "insensitive" } }, { actorId: filter.actor }] });
  if (filter.action) and.push(filter.action.endsWith(".") ? { action: { startsWith: filter.action } } : { action: filter.action });
  if (filter.incident) {
    const number = parseIncidentKey(filter.incident.toUpperCase());
    const incident = number === null ? null : await db.incident.findUnique({ where: { number }, select: { id: true } });
    // A merge or split belongs to one incident and names the other as its target: both find it.
    const id = incident?.id ?? "-none-";
    and.push({ OR: [{ incidentId: id }, { targetType: "Incident", targetId: id }] });
  }
  if (filter.from) and.push({ at: { gte: toDate(filter.from, "start") } });
  if (filter.to) and.push({ at: { lte: toDate(filter.to, "end") } });
  return and.length > 0 ? { AND: and } : {};
}

export async function incidentKeys(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const incidents = await db.incident.findMany({ where: { id: { in: wanted } }, select: { id: true, number: true } });
  return new Map(incidents.map((i) => [i.id, formatIncidentKey(i.number)]));
}
