import type { Severity } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { DEMO_TIMELINE } from "@/lib/seed/demo-incident";

let counter = 0;

/** An incident with the demo's realistic evidence and the drafter's report and status update, as the background worker leaves it. */
export async function createDraftedIncident(db: Db, options: { severity?: Severity; tags?: string[]; title?: string; commanderId?: string; startedAt?: Date } = {}) {
  counter += 1;
  // The evidence starts 5 minutes before the incident does (the deploy) and the draft is written 95 minutes in.
  const startedAt = options.startedAt ?? new Date(Date.UTC(2026, 10, 29, 9, 0) + counter * 3_600_000);
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
  const incident = await db.incident.create({
    data: {
      title: options.title ?? `Checkout API returning 502s #${counter}`,
      severity: options.severity ?? "SEV2",
      category: "outage",
      status: "monitoring",
      services: ["checkout-api", "payments-service"],
      tags: options.tags ?? ["payments"],
      startedAt: at(5),
      detectedAt: at(6),
      acknowledgedAt: at(9),
      commanderId: options.commanderId ?? null,
      timeline: { create: DEMO_TIMELINE.map((e) => ({ at: at(e.minutes), kind: e.kind, source: e.source, text: e.text, data: e.data, authorType: e.by ? "human" : "machine" })) },
    },
  });
  await redraftIncident(db, incident.id, { now: at(95) });
  const revision = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "report" }, orderBy: { number: "desc" } });
  return { incident, key: formatIncidentKey(incident.number), revision, at };
}
