import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { formatIncidentKey, parseIncidentKey } from "@/lib/incidents/incident-key";

export const searchEvidenceSchema = z.object({
  query: z.string().trim().min(2, "Search for at least two characters.").max(200),
  /** One incident, or every incident when absent. */
  key: z.string().max(40).optional(),
  kinds: z.array(z.enum(["trigger", "acknowledge", "escalate", "note", "priority_change", "resolve", "chat_message", "metric_sample", "change", "status_change"])).max(10).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

/** Evidence whose text contains the query (case-insensitive), newest first, with its incident and id for citing. */
export async function searchEvidence(ctx: Ctx, input: z.input<typeof searchEvidenceSchema>) {
  assertCan(ctx.actor, "evidence.read");
  const { query, key, kinds, limit } = searchEvidenceSchema.parse(input);
  const where: Prisma.TimelineEntryWhereInput = { text: { contains: query, mode: "insensitive" }, ...(kinds && { kind: { in: kinds } }) };
  if (key) {
    const number = parseIncidentKey(key);
    const incident = number === null ? null : await ctx.db.incident.findUnique({ where: { number }, select: { id: true } });
    if (!incident) throw new AppError("NOT_FOUND", `No incident ${key}.`);
    where.incidentId = incident.id;
  }
  const rows = await ctx.db.timelineEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, at: true, kind: true, source: true, text: true, hidden: true, incident: { select: { number: true, title: true } } },
  });
  return rows.map(({ incident, text, ...row }) => ({ ...row, text: text.length > 1000 ? `${text.slice(0, 999)}…` : text, incident: formatIncidentKey(incident.number), incidentTitle: incident.title }));
}
