import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { listIncidentsSchema, type ListIncidentsInput } from "@/lib/incidents/schemas";

export async function listIncidents(ctx: Ctx, input: ListIncidentsInput = {}) {
  assertCan(ctx.actor, "incidents.read");
  const filters = listIncidentsSchema.parse(input);
  const where: Prisma.IncidentWhereInput = {
    // Merged duplicates live on in the incident they were merged into.
    mergedIntoId: null,
    AND: [
      ...(filters.status ? [{ status: { in: filters.status } }] : []),
      ...(filters.open === true ? [{ status: { not: "resolved" as const } }] : []),
      ...(filters.open === false ? [{ status: "resolved" as const }] : []),
    ],
    ...(filters.severity && { severity: { in: filters.severity } }),
    ...(filters.category && { category: { in: filters.category } }),
    ...(filters.q && {
      OR: [
        { title: { contains: filters.q, mode: "insensitive" } },
        { tags: { has: filters.q.toLowerCase() } },
        { services: { has: filters.q } },
      ],
    }),
  };
  const rows = await ctx.db.incident.findMany({
    where,
    orderBy: [{ startedAt: "desc" }],
    take: filters.limit,
    select: {
      id: true,
      number: true,
      title: true,
      severity: true,
      category: true,
      status: true,
      services: true,
      tags: true,
      startedAt: true,
      acknowledgedAt: true,
      resolvedAt: true,
      commander: { select: { id: true, name: true, email: true } },
    },
  });
  return rows.map(({ number, ...row }) => ({ key: formatIncidentKey(number), ...row }));
}

export type IncidentListItem = Awaited<ReturnType<typeof listIncidents>>[number];
