import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Story } from "./fault-stories";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const iso = (date: Date | null) => date?.toISOString() ?? null;

/** What a delivery is, independent of which database stored it: sender, id and the exact bytes. */
export const describeDelivery = (d: { sender: string; deliveryId: string; body: Uint8Array }) => `${d.sender}|${d.deliveryId}|${sha(d.body)}`;

/** Every stored raw event, described as `describeDelivery` describes a sent one, sorted; and their states. */
export async function readRawEvents(db: Db) {
  const rows = await db.rawEvent.findMany({ select: { sender: true, deliveryId: true, body: true, state: true } });
  return { deliveries: rows.map((r) => describeDelivery(r)).sort(), states: countBy(rows.map((r) => r.state)) };
}

export function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * The final state of ingest with every database-specific value (ids, numbers, creation times)
 * left out: incidents named by their sender keys, their derived lifecycle, and each timeline
 * entry with the delivery it came from. Two databases that took in the same facts must give the
 * same projection, whatever order the facts arrived in.
 */
export async function projectIngest(db: Db) {
  const incidents = await db.incident.findMany({
    include: { links: { select: { key: true } }, timeline: { include: { rawEvent: { select: { sender: true, deliveryId: true } } } } },
  });
  const rawEvents = await db.rawEvent.findMany({ select: { sender: true, deliveryId: true, body: true, state: true, incident: { select: { links: { select: { key: true } } } } } });
  const name = (links: { key: string }[]) => links.map((l) => l.key).sort().join(" ");
  return {
    incidents: incidents
      .map((incident) => ({
        keys: name(incident.links),
        mergedInto: incident.mergedIntoId ? name(incidents.find((other) => other.id === incident.mergedIntoId)?.links ?? []) : null,
        title: incident.title,
        severity: incident.severity,
        status: incident.status,
        category: incident.category,
        services: [...incident.services].sort(),
        tags: [...incident.tags].sort(),
        startedAt: iso(incident.startedAt),
        detectedAt: iso(incident.detectedAt),
        acknowledgedAt: iso(incident.acknowledgedAt),
        resolvedAt: iso(incident.resolvedAt),
        timeline: incident.timeline
          .map((e) => ({ at: iso(e.at), kind: e.kind, text: e.text, source: e.source, authorType: e.authorType, dedupeKey: e.dedupeKey, hidden: e.hidden, data: e.data, from: e.rawEvent ? `${e.rawEvent.sender}|${e.rawEvent.deliveryId}` : null }))
          .sort((a, b) => `${a.at}|${a.dedupeKey}`.localeCompare(`${b.at}|${b.dedupeKey}`)),
      }))
      .sort((a, b) => a.keys.localeCompare(b.keys)),
    rawEvents: rawEvents.map((r) => ({ delivery: describeDelivery(r), state: r.state, incident: r.incident ? name(r.incident.links) : null })).sort((a, b) => a.delivery.localeCompare(b.delivery)),
  };
}

/** Per story: the dedupe keys of the webhook evidence on the incident its PagerDuty key leads to, and what they should be. */
export async function readStoryTimelines(db: Db, stories: Story[]) {
  const links = await db.incidentLink.findMany({ where: { key: { in: stories.map((s) => `pd-incident:${s.pdIncidentId}`) } }, select: { key: true, incident: { select: { status: true, timeline: { where: { rawEventId: { not: null } }, select: { dedupeKey: true } } } } } });
  return stories.map((story) => {
    const link = links.find((l) => l.key === `pd-incident:${story.pdIncidentId}`);
    return {
      story: story.pdIncidentId,
      status: link?.incident.status ?? null,
      timeline: (link?.incident.timeline.map((e) => e.dedupeKey ?? "(none)") ?? []).sort(),
      expected: story.deliveries.filter((d) => d.sender === "pagerduty").map((d) => `pd:${d.deliveryId}`).sort(),
    };
  });
}

/**
 * Incidents whose drafting did not catch up with their evidence: no drafted report, or no status
 * update drafted once the incident was resolved (the drafter writes one then). Each needs a
 * re-draft after its last delivery was processed, so a lost re-draft job shows here.
 */
export function findUndraftedIncidents(db: Db) {
  return db.$queryRaw<{ number: number }[]>`
    SELECT i."number" FROM "Incident" i
    WHERE NOT EXISTS (SELECT 1 FROM "ReportRevision" r WHERE r."incidentId" = i."id" AND r."kind" = 'report')
       OR NOT EXISTS (SELECT 1 FROM "ReportRevision" r WHERE r."incidentId" = i."id" AND r."kind" = 'status_update' AND r."meta"->'basis'->>'status' = 'resolved')
    ORDER BY 1`;
}
