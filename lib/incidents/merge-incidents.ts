import { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { findIncidentForUpdate } from "@/lib/incidents/find-incident-for-update";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { recomputeIncidentState } from "@/lib/incidents/recompute-incident-state";

export const mergeIncidentsSchema = z.object({
  sourceKey: z.string().trim().min(1),
  targetKey: z.string().trim().min(1, "Name the incident to merge into, e.g. INC-12."),
});

/**
 * Folds a duplicate incident into another: its evidence, sender links, raw events and action
 * items move to the target, and later deliveries for it land there too. The source stays as a
 * pointer (mergedIntoId) so its key keeps resolving. Both incidents' audit trails record it.
 */
export async function mergeIncidents(ctx: Ctx, input: z.input<typeof mergeIncidentsSchema>) {
  assertCan(ctx.actor, "incidents.update");
  const { sourceKey, targetKey } = mergeIncidentsSchema.parse(input);
  const result = await ctx.db.$transaction(async (tx) => {
    // Lock in key order so two opposite merges cannot deadlock.
    const [first, second] = [sourceKey, targetKey].sort();
    const locked = new Map([[first!, await findIncidentForUpdate(tx, first!)], [second!, await findIncidentForUpdate(tx, second!)]]);
    const source = locked.get(sourceKey)!;
    const target = locked.get(targetKey)!;
    if (source.id === target.id) throw new AppError("INVALID_INPUT", "An incident cannot be merged into itself.");
    // Entries the target already has (the same sender event) would collide; the target's copy stays.
    const targetKeys = await tx.timelineEntry.findMany({ where: { incidentId: target.id, dedupeKey: { not: null } }, select: { dedupeKey: true } });
    const duplicates = await tx.timelineEntry.deleteMany({ where: { incidentId: source.id, dedupeKey: { in: targetKeys.map((e) => e.dedupeKey!) } } });
    const moved = await tx.timelineEntry.updateMany({ where: { incidentId: source.id }, data: { incidentId: target.id } });
    await tx.incidentLink.updateMany({ where: { incidentId: source.id }, data: { incidentId: target.id } });
    await tx.rawEvent.updateMany({ where: { incidentId: source.id }, data: { incidentId: target.id } });
    await tx.actionItem.updateMany({ where: { incidentId: source.id }, data: { incidentId: target.id } });
    await tx.incident.update({ where: { id: source.id }, data: { mergedIntoId: target.id, version: { increment: 1 } } });
    const tags = [...new Set([...target.tags, ...source.tags])];
    await tx.incident.update({ where: { id: target.id }, data: { tags, version: { increment: 1 } } });
    const derived = await recomputeIncidentState(tx, ctx.actor, target.id, { addServices: source.services, audit: false });
    const summary = { from: formatIncidentKey(source.number), into: formatIncidentKey(target.number), entriesMoved: moved.count, duplicatesDropped: duplicates.count };
    // One event for the one action: it belongs to the surviving incident and names the merged one
    // as its target, so both incidents' histories (which match either) show it.
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "incident.merge", targetType: "Incident", targetId: source.id, incidentId: target.id, before: { mergedIntoId: null, into: { tags: target.tags, ...derived?.before } }, after: { ...summary, mergedIntoId: target.id, derived: { tags, ...derived?.after } } },
      ctx.requestId,
    );
    return { ...summary, ids: [source.id, target.id] };
  });
  // Both drafts must follow the evidence: the survivor gains it, the source's draft loses it.
  for (const id of result.ids) await ctx.enqueueRedraft?.(id);
  return { from: result.from, into: result.into, entriesMoved: result.entriesMoved, duplicatesDropped: result.duplicatesDropped };
}
