import { deriveDeliveryId } from "@/lib/ingest/alert-group";
import type { Delivery } from "./webhook-sender";

/** One outage as its senders report it: the PagerDuty incident and (optionally) the Alertmanager alert on the same service. */
export type Story = { pdIncidentId: string; service: string; title: string; deliveries: Delivery[] };

const MINUTE = 60_000;
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

function pagerDuty(run: string, story: number, step: string, type: string, at: Date, data: Record<string, unknown>): Delivery {
  const id = `F${run}S${story}${step}`;
  return { sender: "pagerduty", deliveryId: id, body: json({ event: { id, event_type: type, resource_type: "incident", occurred_at: at.toISOString(), agent: { id: "PFAULT1", summary: "Fault Tester", type: "user_reference" }, client: null, data } }) };
}

/** A PagerDuty note: it names its incident, but no service (PagerDuty's note payload carries none). */
export function pagerDutyNote(run: string, story: number, at: Date, about: Pick<Story, "pdIncidentId" | "title" | "service">): Delivery {
  return pagerDuty(run, story, "N", "incident.annotated", at, { id: `N${run}${story}`, type: "incident_note", content: `Rolling back ${about.service} (story ${story})`, trimmed: false, incident: { id: about.pdIncidentId, summary: about.title, type: "incident_reference", html_url: `https://fault.pagerduty.com/incidents/${about.pdIncidentId}` } });
}

function incidentData(id: string, title: string, service: string, status: string, priority: string) {
  return { id, type: "incident", html_url: `https://fault.pagerduty.com/incidents/${id}`, number: 1, status, incident_key: id.toLowerCase(), title, service: { id: `S${id}`, summary: service, type: "service_reference" }, assignees: [{ id: "PFAULT1", summary: "Fault Tester", type: "user_reference" }], priority: { id: priority, summary: priority, type: "priority_reference" }, urgency: "high", resolve_reason: null };
}

function alertmanager(story: Pick<Story, "service" | "title">, fingerprint: string, status: "firing" | "resolved", startsAt: Date, endsAt: Date | null): Delivery {
  const groupKey = `{}:{alertname="HighErrorRate", service="${story.service}"}`;
  const alert = { status, labels: { alertname: "HighErrorRate", service: story.service, severity: "critical" }, annotations: { summary: story.title }, startsAt: startsAt.toISOString(), endsAt: endsAt ? endsAt.toISOString() : "0001-01-01T00:00:00Z", generatorURL: "http://prometheus.fault.test/graph", fingerprint };
  const body = { version: "4", groupKey, truncatedAlerts: 0, status, receiver: "sitrep", groupLabels: { alertname: "HighErrorRate", service: story.service }, commonLabels: alert.labels, commonAnnotations: alert.annotations, externalURL: "http://alertmanager.fault.test", alerts: [alert] };
  // Alertmanager sends no delivery id: the app derives one from the group and the alerts' facts.
  return { sender: "alertmanager", deliveryId: deriveDeliveryId(groupKey, [alert]), body: json(body) };
}

/**
 * `count` outages, each on a service of its own (so correlation by service cannot join two), each
 * a full PagerDuty lifecycle (triggered, priority raised, acknowledged, resolved, and unless
 * `withNote: false` a note) and, with `withAlertmanager`, the Alertmanager alert that fired and
 * resolved on the same service.
 */
export function buildStories(run: string, count: number, options: { withAlertmanager?: boolean; withNote?: boolean; startedAt?: Date } = {}): Story[] {
  const base = (options.startedAt ?? new Date(Date.now() - 3 * 3_600_000)).getTime();
  return Array.from({ length: count }, (_, i) => {
    const t0 = new Date(base + i * 1000);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    const pdIncidentId = `QF${run.toUpperCase()}${i}`;
    const service = `fault-${run}-svc-${i}`;
    const title = `Fault story ${i}: ${service} returning 502s`;
    const deliveries: Delivery[] = [
      pagerDuty(run, i, "T", "incident.triggered", t0, incidentData(pdIncidentId, title, service, "triggered", "P3")),
      pagerDuty(run, i, "P", "incident.priority_updated", at(2), incidentData(pdIncidentId, title, service, "triggered", "P1")),
      pagerDuty(run, i, "A", "incident.acknowledged", at(3), incidentData(pdIncidentId, title, service, "acknowledged", "P1")),
      pagerDuty(run, i, "R", "incident.resolved", at(25), incidentData(pdIncidentId, title, service, "resolved", "P1")),
    ];
    if (options.withNote !== false) deliveries.push(pagerDutyNote(run, i, at(5), { pdIncidentId, title, service }));
    if (options.withAlertmanager) {
      const fingerprint = `fp${run}${i}`;
      deliveries.push(alertmanager({ service, title }, fingerprint, "firing", at(1), null), alertmanager({ service, title }, fingerprint, "resolved", at(1), at(20)));
    }
    return { pdIncidentId, service, title, deliveries };
  });
}

/** Fisher–Yates with a seeded generator, so a failing order can be re-run. */
export function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  const random = () => ((state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
