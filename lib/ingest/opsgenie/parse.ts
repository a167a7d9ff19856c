// Opsgenie outgoing "Webhook" integration, following "Webhook Integration"
// (https://docs.opsgenie.com/docs/webhook-integration) and its "Alert action data" samples
// (https://docs.opsgenie.com/docs/marid-alert-action-data). A retry resends the same body, so
// alertId + action + the nanosecond updatedAt names the delivery and the fact.
import { createHash } from "node:crypto";
import { readHeaderTime } from "../header-time";
import { describeInvalidField, invalidField } from "../invalid-field";
import { toJsonSafe } from "../json-safe";
import type { AlertEventKind, ParsedAlertEvent, SenderParser } from "../types";
import { opsgenieDeliverySchema, opsgenieEnvelopeSchema, REQUIRED_ALERT_FIELD_BY_ACTION, type OpsgenieDelivery } from "./schema";

const KIND_BY_ACTION: Record<string, AlertEventKind> = {
  Create: "trigger",
  Acknowledge: "acknowledge",
  AddNote: "note",
  Close: "resolve",
  Escalate: "escalate",
  AssignOwnership: "escalate",
  TakeOwnership: "escalate",
  UpdatePriority: "priority_change",
};

const NANOS_PER_MILLI = BigInt(1_000_000);

/**
 * The delivery's identity. Opsgenie's documented Escalate body carries no updatedAt; a retry is
 * still byte-identical, so a digest of the body stands in (a later repeat differs in repeatCount).
 */
function identifyDelivery(alertId: string, action: string, updatedAt: string | undefined, body: unknown): string {
  if (updatedAt) return `og:${alertId}:${action}:${updatedAt}`;
  const digest = createHash("sha256").update(JSON.stringify(toJsonSafe(body))).digest("hex").slice(0, 16);
  return `og:${alertId}:${action}:body-${digest}`;
}

function resolveOccurredAt(delivery: OpsgenieDelivery, headers: Record<string, string>): Date | null {
  const { updatedAt, createdAt } = delivery.alert;
  if (updatedAt) return new Date(Number(BigInt(updatedAt) / NANOS_PER_MILLI));
  // createdAt is documented in milliseconds; tolerate a nanosecond value rather than land in 2^60 ms.
  if (delivery.action === "Create" && createdAt) {
    return new Date(createdAt.length > 15 ? Number(BigInt(createdAt) / NANOS_PER_MILLI) : Number(createdAt));
  }
  return readHeaderTime(headers);
}

// Only fields that name a service by construction: the entity, and "service:x" / "service=x" tags.
function listServices(delivery: OpsgenieDelivery): string[] {
  const { entity, tags = [] } = delivery.alert;
  const fromTags = tags.flatMap((tag) => /^service[:=](.+)$/.exec(tag.trim())?.[1]?.trim() ?? []);
  return [...new Set([entity?.trim() ?? "", ...fromTags].filter((service) => service.length > 0))];
}

function describeAction(delivery: OpsgenieDelivery, actor: string | null): string {
  const { alert } = delivery;
  const by = actor ? ` by ${actor}` : "";
  switch (delivery.action) {
    case "Create":
      return `Alert created: ${alert.message}`;
    case "Acknowledge":
      return `Acknowledged${by}`;
    case "AddNote":
      return `Note${actor ? ` from ${actor}` : ""}: ${alert.note}`;
    case "Close":
      return `Closed${by}`;
    case "Escalate": {
      const via = delivery.escalationName ? ` via ${delivery.escalationName}` : "";
      const to = delivery.escalationNotify?.name ? ` to ${delivery.escalationNotify.name}` : "";
      return `Escalated${via}${to}`;
    }
    case "AssignOwnership":
      return `Ownership assigned to ${alert.owner}${by}`;
    case "TakeOwnership":
      return `Ownership taken${by}`;
    default: {
      const from = alert.oldPriority && alert.oldPriority !== alert.priority ? ` from ${alert.oldPriority}` : "";
      return `Priority changed${from} to ${alert.priority}${by}`;
    }
  }
}

function collectData(delivery: OpsgenieDelivery): Record<string, unknown> {
  const { alert } = delivery;
  return toJsonSafe({
    action: delivery.action,
    alertId: alert.alertId,
    tinyId: alert.tinyId ?? null,
    alias: alert.alias ?? null,
    updatedAt: alert.updatedAt ?? null,
    createdAt: alert.createdAt ?? null,
    entity: alert.entity ?? null,
    tags: alert.tags ?? [],
    team: alert.team ?? null,
    responders: (alert.responders ?? []).map((responder) => responder.name ?? responder.id ?? null),
    source: alert.source ?? null,
    description: alert.description ?? null,
    details: alert.details ?? {},
    note: alert.note ?? null,
    owner: alert.owner ?? null,
    oldPriority: alert.oldPriority ?? null,
    username: alert.username ?? null,
    escalationName: delivery.escalationName ?? null,
    integrationName: delivery.integrationName ?? null,
    integrationId: delivery.integrationId ?? null,
  }) as Record<string, unknown>;
}

export const parseOpsgenie: SenderParser = ({ body, headers }) => {
  const envelope = opsgenieEnvelopeSchema.safeParse(body);
  if (!envelope.success) return describeInvalidField(envelope.error, body);
  const { action, alert } = envelope.data;
  const deliveryId = identifyDelivery(alert.alertId, action, alert.updatedAt, body);

  const kind = KIND_BY_ACTION[action];
  if (!kind) return { ok: true, deliveryId, events: [], ignoredReason: `unknown event type ${action}` };

  const parsed = opsgenieDeliverySchema.safeParse(body);
  if (!parsed.success) return describeInvalidField(parsed.error, body);
  const delivery = parsed.data;
  const requiredField = REQUIRED_ALERT_FIELD_BY_ACTION[action];
  if (requiredField && !delivery.alert[requiredField]) return invalidField(`alert.${requiredField}`, "is required");

  const occurredAt = resolveOccurredAt(delivery, headers);
  if (!occurredAt) return invalidField("alert.updatedAt", "is required");

  const actor = delivery.alert.userFullName ?? delivery.alert.username ?? null;
  const { alias, alertId } = delivery.alert;
  const event: ParsedAlertEvent = {
    kind,
    occurredAt,
    externalKeys: [...(alias ? [`og-alias:${alias}`] : []), `og-alert:${alertId}`],
    dedupeKey: deliveryId,
    title: delivery.alert.message ?? null,
    services: listServices(delivery),
    priority: delivery.alert.priority ?? null,
    text: describeAction(delivery, actor),
    // The payload has no link, and the host differs per region and account (app.eu.opsgenie.com, …).
    url: null,
    actor,
    data: collectData(delivery),
  };
  return { ok: true, deliveryId, events: [event] };
};
