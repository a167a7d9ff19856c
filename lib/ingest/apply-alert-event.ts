import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { DbTx } from "@/lib/db";
import { findIncidentForEvent } from "@/lib/ingest/find-incident-for-event";
import { normalizeServices } from "@/lib/ingest/link-policy";
import { DEFAULT_SEVERITY, mapSeverity } from "@/lib/ingest/map-severity";
import { recomputeIncidentState } from "@/lib/incidents/recompute-incident-state";
import type { IntegrationSettings } from "@/lib/ingest/integration-settings";
import type { ParsedAlertEvent } from "@/lib/ingest/types";

export type ApplyContext = {
  actor: Actor;
  source: string;
  rawEventId: string;
  settings: IntegrationSettings;
  force?: boolean;
  /** Every event of the delivery, whose sender keys the caller has locked; service locks are taken for all at once. */
  delivery: ParsedAlertEvent[];
};
/** `isNew`: a new timeline entry; `created`: a new incident. */
export type ApplyResult = { incidentId: string; isNew: boolean; created: boolean };

/** When the alert began: a resolve from Alertmanager or Grafana carries its start too. */
function eventStart(event: ParsedAlertEvent): Date {
  const startsAt = typeof event.data.startsAt === "string" ? new Date(event.data.startsAt) : null;
  return startsAt && !Number.isNaN(startsAt.getTime()) && startsAt <= event.occurredAt ? startsAt : event.occurredAt;
}

/**
 * Attaches one sender event to its incident (found by the sender's key, else by service and
 * time, else created), stores the timeline entry once, and recomputes the incident's lifecycle.
 * With `force` (a replay), an entry already stored is rewritten from the event, so a parser fix
 * reaches history.
 */
export async function applyAlertEvent(tx: DbTx, ctx: ApplyContext, parsed: ParsedAlertEvent): Promise<ApplyResult> {
  const event = { ...parsed, services: normalizeServices(parsed.services) };
  const severity = mapSeverity(event.priority, ctx.settings.severityMap);
  const data = {
    ...event.data,
    alertKey: event.externalKeys[0] ?? null,
    externalKeys: event.externalKeys,
    services: event.services,
    priority: event.priority,
    severity,
    title: event.title,
    url: event.url,
    actor: event.actor,
  } as Prisma.InputJsonObject;
  const entry = { at: event.occurredAt, kind: event.kind, text: event.text, source: ctx.source, rawEventId: ctx.rawEventId, data };

  // The same fact may already sit on an incident (after a merge or split): never twice.
  const known = await tx.timelineEntry.findFirst({ where: { dedupeKey: event.dedupeKey, authorType: "machine" }, select: { id: true, incidentId: true } });
  if (known) {
    if (!ctx.force) return { incidentId: known.incidentId, isNew: false, created: false };
    await tx.timelineEntry.update({ where: { id: known.id }, data: entry });
    await recomputeIncidentState(tx, ctx.actor, known.incidentId, { addServices: event.services });
    return { incidentId: known.incidentId, isNew: false, created: false };
  }

  const startedAt = eventStart(event);
  let incidentId = await findIncidentForEvent(tx, event, startedAt, ctx.delivery);
  const created = !incidentId;
  if (!incidentId) {
    const incident = await tx.incident.create({
      data: { title: event.title ?? event.text, severity: severity ?? DEFAULT_SEVERITY, services: event.services, startedAt, detectedAt: event.kind === "trigger" ? startedAt : null },
      select: { id: true, number: true, title: true, severity: true },
    });
    incidentId = incident.id;
    await recordAuditEvent(tx, ctx.actor, { action: "incident.create", targetType: "Incident", targetId: incident.id, incidentId: incident.id, after: { number: incident.number, title: incident.title, severity: incident.severity, source: ctx.source } });
  }
  // Point every key of this event here (a recurring key may have pointed at an older incident).
  for (const key of event.externalKeys) {
    await tx.incidentLink.upsert({ where: { key }, update: { incidentId }, create: { key, incidentId } });
  }
  await tx.timelineEntry.create({ data: { ...entry, incidentId, authorType: "machine", dedupeKey: event.dedupeKey } });
  await recomputeIncidentState(tx, ctx.actor, incidentId, { addServices: event.services });
  return { incidentId, isNew: true, created };
}
