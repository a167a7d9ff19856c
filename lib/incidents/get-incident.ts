import { assertCan, can } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { formatIncidentKey, parseIncidentKey } from "@/lib/incidents/incident-key";
import { findCurrentDrafts } from "@/lib/reports/find-current-drafts";

/**
 * One incident by its key. The evidence timeline is included only for roles that may read
 * evidence; stakeholders see approved content, which later issues add.
 */
export async function getIncident(ctx: Ctx, input: { key: string }) {
  assertCan(ctx.actor, "incidents.read");
  const number = parseIncidentKey(input.key);
  if (number === null) throw new AppError("NOT_FOUND", `No incident ${input.key}.`);
  // One snapshot, so the status shown always matches the timeline shown beside it.
  const { incident, timeline, drafts } = await ctx.db.$transaction(
    async (tx) => {
      const incident = await tx.incident.findUnique({
        where: { number },
        include: {
          commander: { select: { id: true, name: true, email: true } },
          mergedInto: { select: { number: true } },
          links: { select: { key: true }, orderBy: { createdAt: "asc" } },
        },
      });
      const timeline =
        incident && can(ctx.actor.role, "evidence.read")
          ? await tx.timelineEntry.findMany({
              where: { incidentId: incident.id, hidden: false },
              orderBy: [{ at: "asc" }, { createdAt: "asc" }],
              select: { id: true, at: true, kind: true, text: true, source: true, authorType: true, rawEventId: true, data: true, author: { select: { name: true } } },
            })
          : null;
      const drafts = incident && can(ctx.actor.role, "drafts.read") ? await findCurrentDrafts(tx, incident.id) : null;
      return { incident, timeline, drafts };
    },
    { isolationLevel: "RepeatableRead" },
  );
  if (!incident) throw new AppError("NOT_FOUND", `No incident ${input.key}.`);
  const { number: n, mergedInto, links, ...rest } = incident;
  return {
    key: formatIncidentKey(n),
    ...rest,
    mergedInto: mergedInto ? formatIncidentKey(mergedInto.number) : null,
    senderKeys: timeline ? links.map((l) => l.key) : [],
    drafts,
    timeline: timeline?.map((entry) => ({ ...entry, rawEventUrl: entry.rawEventId ? `/api/raw-events/${entry.rawEventId}` : null })) ?? null,
  };
}

export type IncidentDetail = Awaited<ReturnType<typeof getIncident>>;
