import type { DbTx } from "@/lib/db";
import { isLinkUsable, normalizeServices } from "@/lib/ingest/link-policy";
import { CORRELATION_WINDOW_MS, OPEN_INCIDENT_HORIZON_MS, pickCorrelatedIncident } from "@/lib/ingest/pick-correlated-incident";
import type { ParsedAlertEvent } from "@/lib/ingest/types";

type LockableEvent = Pick<ParsedAlertEvent, "externalKeys" | "services">;

// One round trip for any number of locks, taken in the subquery's sorted order.
async function lockAll(tx: DbTx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM (SELECT DISTINCT k FROM unnest(${keys}::text[]) AS k ORDER BY k) AS sorted`;
}

/**
 * Serialises work on the same sender keys across workers and app instances. Every transaction
 * takes all of a delivery's sender keys first and its service locks (below) only afterwards, so
 * the order is global and two grouped notifications cannot deadlock.
 */
export async function lockEventKeys(tx: DbTx, events: LockableEvent[]): Promise<void> {
  await lockAll(tx, events.flatMap((e) => e.externalKeys));
  // A grouped notification's later event could otherwise take a service lock while holding an
  // incident's row lock from an earlier one, the reverse of an opener's order.
  if (events.length > 1) await lockServices(tx, events);
}

/**
 * The service locks, taken only by a delivery that must correlate by service or open an
 * incident, so two deliveries about one new outage cannot each open one. A storm on a known
 * incident finds it by its key and never queues on its service's lock. All of the delivery's
 * services at once: a later event of the same delivery then takes no new lock out of order.
 */
async function lockServices(tx: DbTx, events: LockableEvent[]): Promise<void> {
  await lockAll(tx, normalizeServices(events.flatMap((e) => e.services)).map((s) => `svc:${s}`));
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
 * else null (a new incident). `delivery` is every event of the delivery, whose sender keys the
 * caller has already locked (lockEventKeys), so none is taken again here.
 */
export async function findIncidentForEvent(tx: DbTx, event: ParsedAlertEvent, eventAt: Date, delivery: LockableEvent[]): Promise<string | null> {
  const links = await tx.incidentLink.findMany({ where: { key: { in: event.externalKeys } }, select: { key: true, incidentId: true, incident: { select: { resolvedAt: true, services: true } } } });
  for (const key of event.externalKeys) {
    const link = links.find((l) => l.key === key);
    if (!link || !isLinkUsable(key, link.incident, { at: eventAt, services: event.services })) continue;
    // A service new to the incident changes what correlation finds: then this waits like an opener.
    const known = new Set(normalizeServices(link.incident.services));
    if (normalizeServices(event.services).some((s) => !known.has(s))) await lockServices(tx, delivery);
    return lockSurvivor(tx, link.incidentId);
  }
  await lockServices(tx, delivery);
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
