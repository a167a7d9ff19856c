import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { DbTx } from "@/lib/db";
import { DEFAULT_SEVERITY, mapSeverity } from "@/lib/ingest/map-severity";
import { pickCorrelatedIncident, CORRELATION_WINDOW_MS } from "@/lib/ingest/pick-correlated-incident";
import { recomputeIncidentState } from "@/lib/ingest/recompute-incident-state";
import type { ParsedAlertEvent } from "@/lib/ingest/types";
import type { IntegrationSettings } from "@/lib/ingest/integration-settings";

export type ApplyContext = { actor: Actor; source: string; rawEventId: string; settings: IntegrationSettings };

// Serialise work on the same sender incident or service across workers and app instances, so two
// deliveries about one new outage cannot each create an incident. Sorted to avoid deadlocks.
async function lockKeys(tx: DbTx, event: ParsedAlertEvent): Promise<void> {
  const keys = [...new Set([...event.externalKeys, ...event.services.map((s) => `svc:${s.trim().toLowerCase()}`)])].sort();
  for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

async function findIncidentId(tx: DbTx, event: ParsedAlertEvent): Promise<string | null> {
  const link = await tx.incidentLink.findFirst({ where: { key: { in: event.externalKeys } }, select: { incidentId: true } });
  let id = link?.incidentId ?? null;
  if (!id) {
    const at = event.occurredAt.getTime();
    const candidates = await tx.incident.findMany({
      where: {
        mergedIntoId: null,
        services: { hasSome: event.services },
        startedAt: { lte: new Date(at + CORRELATION_WINDOW_MS) },
        OR: [{ resolvedAt: null }, { resolvedAt: { gte: new Date(at - CORRELATION_WINDOW_MS) } }],
      },
      select: { id: true, services: true, startedAt: true, resolvedAt: true },
      take: 20,
    });
    id = pickCorrelatedIncident(candidates, event);
  }
  // A human may have merged the incident since; its evidence lives on in the survivor.
  for (let hops = 0; id && hops < 10; hops += 1) {
    const row = await tx.incident.findUnique({ where: { id }, select: { mergedIntoId: true } });
    if (!row?.mergedIntoId) break;
    id = row.mergedIntoId;
  }
  return id;
}

/**
 * Attaches one sender event to its incident (found by the sender's key, else by service and
 * time, else created), stores the timeline entry once, and recomputes the incident's lifecycle.
 * Returns the incident id and whether anything new was stored.
 */
export async function applyAlertEvent(tx: DbTx, ctx: ApplyContext, event: ParsedAlertEvent): Promise<{ incidentId: string; isNew: boolean }> {
  await lockKeys(tx, event);
  // The same fact may already sit on another incident (after a merge or split): never twice.
  const known = await tx.timelineEntry.findFirst({ where: { dedupeKey: event.dedupeKey, authorType: "machine" }, select: { incidentId: true } });
  if (known) return { incidentId: known.incidentId, isNew: false };
  const severity = mapSeverity(event.priority, ctx.settings.severityMap);
  let incidentId = await findIncidentId(tx, event);
  if (!incidentId) {
    const created = await tx.incident.create({
      data: {
        title: event.title ?? event.text,
        severity: severity ?? DEFAULT_SEVERITY,
        services: event.services,
        startedAt: event.occurredAt,
        detectedAt: event.kind === "trigger" ? event.occurredAt : null,
      },
      select: { id: true, number: true, title: true, severity: true },
    });
    incidentId = created.id;
    await recordAuditEvent(tx, ctx.actor, { action: "incident.create", targetType: "Incident", targetId: created.id, incidentId: created.id, after: { number: created.number, title: created.title, severity: created.severity, source: ctx.source } });
  }
  await tx.incidentLink.createMany({ data: event.externalKeys.map((key) => ({ key, incidentId: incidentId! })), skipDuplicates: true });
  const { count } = await tx.timelineEntry.createMany({
    data: [
      {
        incidentId,
        at: event.occurredAt,
        kind: event.kind,
        text: event.text,
        source: ctx.source,
        rawEventId: ctx.rawEventId,
        authorType: "machine",
        dedupeKey: event.dedupeKey,
        data: { ...event.data, alertKey: event.externalKeys[0] ?? null, externalKeys: event.externalKeys, priority: event.priority, severity, title: event.title, url: event.url, actor: event.actor } as Prisma.InputJsonObject,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return { incidentId, isNew: false };
  await recomputeIncidentState(tx, ctx.actor, incidentId, { addServices: event.services });
  return { incidentId, isNew: true };
}
