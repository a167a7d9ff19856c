import { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { findIncidentForUpdate } from "@/lib/incidents/find-incident-for-update";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { recomputeIncidentState } from "@/lib/incidents/recompute-incident-state";

export const splitIncidentSchema = z.object({
  key: z.string().trim().min(1),
  entryIds: z.array(z.string().min(1)).min(1, "Select the timeline entries that belong to the new incident."),
  title: z.string().trim().min(1, "Give the new incident a title.").max(300),
});

/** Services named by the moved evidence; the source's when it names none. */
function servicesOf(entries: { data: unknown }[], fallback: string[]): string[] {
  const named = entries.flatMap((e) => ((e.data as { services?: unknown } | null)?.services as string[] | undefined) ?? []);
  return named.length > 0 ? [...new Set(named)] : fallback;
}

/** The sender keys an entry's event carried (all of them, so every link can move with it). */
const senderKeysOf = (data: unknown): string[] => {
  const d = data as { alertKey?: unknown; externalKeys?: unknown } | null;
  if (Array.isArray(d?.externalKeys)) return d.externalKeys.filter((k): k is string => typeof k === "string");
  return typeof d?.alertKey === "string" ? [d.alertKey] : [];
};

/**
 * Moves selected evidence into a new incident. Sender links move with it when only the moved
 * entries use them, so later deliveries about those alerts follow to the new incident.
 */
export async function splitIncident(ctx: Ctx, input: z.input<typeof splitIncidentSchema>) {
  assertCan(ctx.actor, "incidents.update");
  const { key, entryIds, title } = splitIncidentSchema.parse(input);
  const result = await ctx.db.$transaction(async (tx) => {
    const source = await findIncidentForUpdate(tx, key);
    const entries = await tx.timelineEntry.findMany({ where: { incidentId: source.id }, select: { id: true, at: true, data: true, rawEventId: true } });
    const selected = new Set(entryIds);
    const moving = entries.filter((e) => selected.has(e.id));
    if (moving.length !== selected.size) throw new AppError("INVALID_INPUT", `Some selected entries are not on ${key}.`);
    if (moving.length === entries.length) throw new AppError("INVALID_INPUT", "Leave at least one entry on the original incident.");
    const staying = entries.filter((e) => !selected.has(e.id));
    const stayingKeys = new Set(staying.flatMap((e) => senderKeysOf(e.data)));
    const linkKeys = [...new Set(moving.flatMap((e) => senderKeysOf(e.data)))].filter((k) => !stayingKeys.has(k));
    const created = await tx.incident.create({
      data: {
        title,
        severity: source.severity,
        category: source.category,
        services: servicesOf(moving, source.services),
        tags: source.tags,
        startedAt: new Date(Math.min(...moving.map((e) => e.at.getTime()))),
        commanderId: source.commanderId,
      },
    });
    await tx.timelineEntry.updateMany({ where: { id: { in: [...selected] } }, data: { incidentId: created.id } });
    await tx.incidentLink.updateMany({ where: { incidentId: source.id, key: { in: linkKeys } }, data: { incidentId: created.id } });
    const rawIds = moving.map((e) => e.rawEventId).filter((id): id is string => Boolean(id));
    await tx.rawEvent.updateMany({ where: { id: { in: rawIds }, incidentId: source.id }, data: { incidentId: created.id } });
    const sourceChange = await recomputeIncidentState(tx, ctx.actor, source.id, { audit: false });
    const createdChange = await recomputeIncidentState(tx, ctx.actor, created.id, { audit: false });
    const summary = { from: key, into: formatIncidentKey(created.number), entriesMoved: moving.length, linksMoved: linkKeys.length };
    // One event for the one action: on the original incident, naming the new one as its target,
    // so both histories (which match either) show it; the derived state changes ride along.
    await recordAuditEvent(
      tx,
      ctx.actor,
      {
        action: "incident.split",
        targetType: "Incident",
        targetId: created.id,
        incidentId: source.id,
        before: sourceChange ? { source: sourceChange.before } : null,
        after: { ...summary, title, createdId: created.id, ...(sourceChange && { source: sourceChange.after }), ...(createdChange && { created: createdChange.after }) },
      },
      ctx.requestId,
    );
    return { ...summary, ids: [source.id, created.id] };
  });
  for (const id of result.ids) await ctx.enqueueRedraft?.(id);
  return { from: result.from, into: result.into, entriesMoved: result.entriesMoved, linksMoved: result.linksMoved };
}
