import type { DbTx } from "@/lib/db";
import { isLinkUsable } from "@/lib/ingest/link-policy";
import { CORRELATION_WINDOW_MS, OPEN_INCIDENT_HORIZON_MS, pickCorrelatedIncident } from "@/lib/ingest/pick-correlated-incident";
import type { ParsedAlertEvent } from "@/lib/ingest/types";

// Serialise work on the same sender keys and services across workers and app instances, so two
// deliveries about one new outage cannot each open an incident. Sorted to avoid deadlocks.
export async function lockEventKeys(tx: DbTx, events: Pick<ParsedAlertEvent, "externalKeys" | "services">[]): Promise<void> {
  const keys = [...new Set(events.flatMap((e) => [...e.externalKeys, ...e.services.map((s) => `svc:${s.trim().toLowerCase()}`)]))].sort();
  for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** Follows merges to the surviving incident, locking it so a merge cannot slip in underneath. */
async function lockSurvivor(tx: DbTx, id: string): Promise<string> {
  let current = id;
  for (let hops = 0; hops < 10; hops += 1) {
    const rows = await tx.$queryRaw<{ mergedIntoId: string | null }[]>`SELECT "mergedIntoId" FROM "Incident" WHERE "id" = ${current} FOR UPDATE`;
    const next = rows[0]?.mergedIntoId;
    if (!next) return current;
    current = next;
  }
  return current;
}

/**
 * The incident an event belongs to: by the sender's own keys (in the order the sender gave
 * them, skipping recurring keys of long-resolved incidents), else by shared service and time,
 * else null (a new incident).
 */
export async function findIncidentForEvent(tx: DbTx, event: ParsedAlertEvent, eventAt: Date): Promise<string | null> {
  await lockEventKeys(tx, [event]);
  const links = await tx.incidentLink.findMany({ where: { key: { in: event.externalKeys } }, select: { key: true, incidentId: true, incident: { select: { resolvedAt: true, services: true } } } });
  for (const key of event.externalKeys) {
    const link = links.find((l) => l.key === key);
    if (link && isLinkUsable(key, link.incident, { at: eventAt, services: event.services })) return lockSurvivor(tx, link.incidentId);
  }
  if (event.services.length === 0) return null;
  const at = eventAt.getTime();
  const candidates = await tx.incident.findMany({
    where: {
      mergedIntoId: null,
      services: { hasSome: event.services },
      startedAt: { lte: new Date(at + CORRELATION_WINDOW_MS), gte: new Date(at - OPEN_INCIDENT_HORIZON_MS) },
      OR: [{ resolvedAt: null }, { resolvedAt: { gte: new Date(at - CORRELATION_WINDOW_MS) } }],
    },
    select: { id: true, services: true, startedAt: true, resolvedAt: true },
    take: 20,
  });
  const picked = pickCorrelatedIncident(candidates, { services: event.services, occurredAt: eventAt });
  return picked ? lockSurvivor(tx, picked) : null;
}
