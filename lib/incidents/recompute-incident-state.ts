import type { Actor } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { DbTx } from "@/lib/db";
import { deriveIncidentState } from "@/lib/incidents/derive-incident-state";
import { loadLifecycleEntries } from "@/lib/incidents/load-lifecycle-entries";

const FIELDS = ["status", "severity", "startedAt", "detectedAt", "acknowledgedAt", "resolvedAt"] as const;

export type DerivedChange = { before: Record<string, unknown>; after: Record<string, unknown> };

/**
 * Re-derives status, severity and milestone times from the incident's timeline and saves
 * what changed. A change of its own (an alert arriving) is audited here; a person's action that
 * causes it (a merge, a split, added evidence) passes `audit: false` and records the returned
 * change in its own event, so one action is one audit row.
 */
export async function recomputeIncidentState(tx: DbTx, actor: Actor, incidentId: string, options: { addServices?: string[]; audit?: boolean } = {}): Promise<DerivedChange | null> {
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId } });
  const next = deriveIncidentState(await loadLifecycleEntries(tx, incidentId), incident);
  const services = [...new Set([...incident.services, ...(options.addServices ?? [])])];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const old = incident[field];
    const value = next[field];
    const same = old instanceof Date || value instanceof Date ? old?.valueOf() === value?.valueOf() : old === value;
    if (!same) {
      before[field] = old;
      after[field] = value;
    }
  }
  const servicesChanged = services.length !== incident.services.length;
  if (Object.keys(after).length === 0 && !servicesChanged) return null;
  await tx.incident.update({ where: { id: incidentId }, data: { ...next, services, version: { increment: 1 } } });
  // An alert's new service alone is not worth an event of its own; a person's action records it in theirs.
  if (options.audit !== false && Object.keys(after).length > 0) await recordAuditEvent(tx, actor, { action: "incident.update", targetType: "Incident", targetId: incidentId, incidentId, before, after });
  return servicesChanged ? { before: { ...before, services: incident.services }, after: { ...after, services } } : { before, after };
}
