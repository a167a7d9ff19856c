// Datadog Webhooks integration, following https://docs.datadoghq.com/integrations/webhooks/ (default
// payload, $VARIABLES, retries only on 5xx/internal errors). The payload is the user's template:
// Sitrep's recommended one (./template.ts) gives full fidelity; Datadog's default one is understood
// from $EVENT_TITLE's "[Triggered on {…}]" prefix and the monitor link inside $EVENT_MSG.
import { readHeaderTime } from "../header-time";
import { describeInvalidField, invalidField } from "../invalid-field";
import { toJsonSafe } from "../json-safe";
import type { ParsedAlertEvent, SenderParser } from "../types";
import { datadogPayloadSchema, readEpochMillis, type DatadogPayload } from "./schema";
import { readTransition, splitEventTitle, type TitleParts, type Transition } from "./transition";

export { DATADOG_RECOMMENDED_TEMPLATE } from "./template";

const MONITOR_LINK = /https:\/\/[^\s"'()[\]<>]+\/monitors[/#](\d+)[^\s"'()[\]<>]*/;

function splitList(value: string | string[] | undefined): string[] {
  const items = Array.isArray(value) ? value : (value ?? "").split(",");
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

// Only "service:x" entries name a service; scope and the title group use the same tag syntax.
function listServices(payload: DatadogPayload, titleParts: TitleParts): string[] {
  const tags = [...splitList(payload.tags), ...splitList(payload.scope), ...splitList(titleParts.group ?? undefined)];
  const services = tags.flatMap((tag) => /^service:(.+)$/.exec(tag)?.[1]?.trim() ?? []);
  return [...new Set(services)];
}

function identifyIncident(payload: DatadogPayload, titleParts: TitleParts) {
  const message = payload.msg ?? payload.body ?? "";
  const monitorLink = MONITOR_LINK.exec(message) ?? MONITOR_LINK.exec(payload.link ?? "");
  const alertId = payload.alert_id ?? monitorLink?.[1] ?? null;
  const group = payload.aggregate ?? payload.hostname ?? payload.host_name ?? titleParts.group ?? null;
  // Without any monitor id (default template, no link in the message) the monitor's name is all we have.
  const externalKeys = alertId
    ? [...(group ? [`dd-alert:${alertId}:${group}`] : []), `dd-alert:${alertId}`]
    : titleParts.rest
      ? [`dd-monitor-name:${titleParts.rest}`]
      : [];
  return { alertId, group, externalKeys, monitorUrl: monitorLink?.[0] ?? null };
}

/**
 * A retry resends the same $ID, so the event id covers retries. A renotification is a new event
 * (new $ID and $DATE) for a state already reported; only $ALERT_CYCLE_KEY (trigger → recovery) ties
 * it to the first notification, so with it the key is cycle + state and repeats collapse.
 */
function buildDedupeKey(payload: DatadogPayload, alertId: string | null, transition: Transition): string {
  if (!payload.alert_cycle_key) return `dd:event:${payload.id}`;
  return `dd:${alertId ?? "monitor"}:cycle-${payload.alert_cycle_key}:${transition.state}`;
}

function resolveOccurredAt(payload: DatadogPayload, headers: Record<string, string>) {
  const field = payload.date !== undefined ? "date" : payload.last_updated !== undefined ? "last_updated" : null;
  if (!field) return readHeaderTime(headers) ?? invalidField("date", "is required");
  return readEpochMillis(payload[field]!) ?? invalidField(field, "must be epoch milliseconds");
}

export const parseDatadog: SenderParser = ({ body, headers }) => {
  const parsed = datadogPayloadSchema.safeParse(body);
  if (!parsed.success) return describeInvalidField(parsed.error, body);
  const payload = parsed.data;
  const deliveryId = payload.id;

  const rawTitle = payload.title ?? null;
  const titleParts = splitEventTitle(rawTitle ?? "");
  const sentTransition = payload.transition ?? payload.alert_transition ?? titleParts.transition;
  const transition = sentTransition ? readTransition(sentTransition, payload.alert_type) : null;
  if (!transition) {
    const label = sentTransition ?? payload.event_type ?? "without a transition";
    return { ok: true, deliveryId, events: [], ignoredReason: `unknown event type ${label}` };
  }

  const occurredAt = resolveOccurredAt(payload, headers);
  if (!(occurredAt instanceof Date)) return occurredAt;

  const incident = identifyIncident(payload, titleParts);
  const title = rawTitle === null ? null : titleParts.rest;
  const event: ParsedAlertEvent = {
    kind: transition.kind,
    occurredAt,
    externalKeys: incident.externalKeys,
    dedupeKey: buildDedupeKey(payload, incident.alertId, transition),
    title,
    services: listServices(payload, titleParts),
    priority: payload.alert_priority ?? titleParts.priority ?? payload.priority ?? null,
    text: `${transition.label}: ${title ?? payload.alert_status ?? "Datadog monitor"}`,
    // The monitor page is the alert's home; $LINK points at one event of it.
    url: incident.monitorUrl ?? payload.link ?? null,
    actor: null,
    data: toJsonSafe({
      eventId: payload.id,
      eventType: payload.event_type ?? null,
      template: payload.transition !== undefined || payload.alert_id !== undefined ? "custom" : "default",
      alertId: incident.alertId,
      alertCycleKey: payload.alert_cycle_key ?? null,
      group: incident.group,
      transition: transition.label,
      state: transition.state,
      alertType: payload.alert_type ?? null,
      alertStatus: payload.alert_status ?? null,
      eventTitle: rawTitle,
      date: payload.date ?? null,
      lastUpdated: payload.last_updated ?? null,
      tags: splitList(payload.tags),
      scope: splitList(payload.scope),
      org: payload.org ?? null,
      message: payload.msg ?? payload.body ?? null,
    }) as Record<string, unknown>,
  };
  return { ok: true, deliveryId, events: [event] };
};
