// PagerDuty Webhooks V3, following "V3 Overview" (https://developer.pagerduty.com/docs/webhooks-overview,
// source: PagerDuty/developer-docs docs/webhooks/01-Overview.md) for the payload and event types, and
// "Webhook Behavior" (docs/webhooks/02-Behavior.md): at-least-once delivery, a retry repeats the same
// event, so event.id identifies both the delivery and the fact.
import type { z } from "zod";
import { readHeaderTime } from "../header-time";
import { describeInvalidField, invalidField } from "../invalid-field";
import { toJsonSafe } from "../json-safe";
import type { AlertEventKind, ParsedAlertEvent, SenderParser } from "../types";
import {
  buildPagerDutyEventSchema,
  pagerDutyEnvelopeSchema,
  pagerDutyIncidentSchema,
  pagerDutyNoteSchema,
  pagerDutyStatusUpdateSchema,
  type PagerDutyIncident,
  type PagerDutyNote,
  type PagerDutyStatusUpdate,
} from "./schema";

// incident.delegated (moved to another escalation policy) is a reassignment too, so it escalates.
// Unacknowledged, responder.* and workflow events change nothing on Sitrep's timeline.
const KIND_BY_EVENT_TYPE: Record<string, AlertEventKind> = {
  "incident.triggered": "trigger",
  "incident.reopened": "trigger",
  "incident.acknowledged": "acknowledge",
  "incident.escalated": "escalate",
  "incident.reassigned": "escalate",
  "incident.delegated": "escalate",
  "incident.resolved": "resolve",
  "incident.priority_updated": "priority_change",
  "incident.annotated": "note",
  "incident.status_update_published": "note",
};

type Summary = Pick<ParsedAlertEvent, "externalKeys" | "title" | "services" | "priority" | "url"> & {
  text: (actor: string | null) => string;
  data: Record<string, unknown>;
};

function summarizeIncident(eventType: string, incident: PagerDutyIncident): Summary {
  const assignees = (incident.assignees ?? []).map((assignee) => assignee.summary ?? assignee.id);
  const priority = incident.priority?.summary ?? incident.urgency ?? null;
  return {
    externalKeys: [`pd-incident:${incident.id}`],
    title: incident.title,
    services: incident.service?.summary ? [incident.service.summary] : [],
    priority,
    url: incident.html_url ?? null,
    text: (actor) => describeIncidentChange(eventType, incident, assignees, priority, actor),
    data: {
      incidentId: incident.id,
      incidentNumber: incident.number ?? null,
      incidentKey: incident.incident_key ?? null,
      status: incident.status ?? null,
      urgency: incident.urgency ?? null,
      serviceId: incident.service?.id ?? null,
      escalationPolicy: incident.escalation_policy?.summary ?? null,
      assignees,
      teams: (incident.teams ?? []).map((team) => team.summary ?? team.id),
      resolveReason: incident.resolve_reason ?? null,
    },
  };
}

function describeIncidentChange(
  eventType: string,
  incident: PagerDutyIncident,
  assignees: string[],
  priority: string | null,
  actor: string | null,
): string {
  const by = actor ? ` by ${actor}` : "";
  const to = assignees.length > 0 ? ` to ${assignees.join(", ")}` : "";
  switch (eventType) {
    case "incident.triggered":
      return `Triggered: ${incident.title}`;
    case "incident.reopened":
      return `Reopened${by}: ${incident.title}`;
    case "incident.acknowledged":
      return `Acknowledged${by}`;
    case "incident.escalated":
      return `Escalated${to}`;
    case "incident.reassigned":
      return `Reassigned${to}${by}`;
    case "incident.delegated":
      return `Delegated to ${incident.escalation_policy?.summary ?? "another escalation policy"}${by}`;
    case "incident.priority_updated":
      return `Priority changed to ${priority ?? "none"}${by}`;
    default:
      return `Resolved${by}`;
  }
}

function summarizeNote(note: PagerDutyNote | PagerDutyStatusUpdate): Summary {
  const isNote = "content" in note;
  const body = isNote ? note.content : note.message;
  return {
    externalKeys: [`pd-incident:${note.incident.id}`],
    title: note.incident.summary ?? null,
    services: [],
    priority: null,
    url: note.incident.html_url ?? null,
    text: (actor) => (isNote ? `Note${actor ? ` from ${actor}` : ""}: ${body}` : `Status update: ${body}`),
    data: {
      incidentId: note.incident.id,
      [isNote ? "noteId" : "statusUpdateId"]: note.id,
      [isNote ? "note" : "statusUpdate"]: body,
      trimmed: note.trimmed ?? false,
    },
  };
}

// Built once: zod compiles a schema on its first parse, which per delivery was an eighth of the ingest path's CPU.
const EVENT_SCHEMAS = {
  note: buildPagerDutyEventSchema(pagerDutyNoteSchema),
  statusUpdate: buildPagerDutyEventSchema(pagerDutyStatusUpdateSchema),
  incident: buildPagerDutyEventSchema(pagerDutyIncidentSchema),
};

type PagerDutyEvent = z.infer<(typeof EVENT_SCHEMAS)[keyof typeof EVENT_SCHEMAS]>;

function selectEventSchema(eventType: string): z.ZodType<PagerDutyEvent> {
  if (eventType === "incident.annotated") return EVENT_SCHEMAS.note;
  if (eventType === "incident.status_update_published") return EVENT_SCHEMAS.statusUpdate;
  return EVENT_SCHEMAS.incident;
}

export const parsePagerDuty: SenderParser = ({ body, headers }) => {
  const envelope = pagerDutyEnvelopeSchema.safeParse(body);
  if (!envelope.success) return describeInvalidField(envelope.error, body);
  const { id: deliveryId, event_type: eventType } = envelope.data.event;

  const kind = KIND_BY_EVENT_TYPE[eventType];
  if (!kind) return { ok: true, deliveryId, events: [], ignoredReason: `unknown event type ${eventType}` };

  const parsed = selectEventSchema(eventType).safeParse(body);
  if (!parsed.success) return describeInvalidField(parsed.error, body);
  const { event } = parsed.data;

  const occurredAt = event.occurred_at ? new Date(event.occurred_at) : readHeaderTime(headers);
  if (!occurredAt) return invalidField("event.occurred_at", "is required");

  const summary = "title" in event.data ? summarizeIncident(eventType, event.data) : summarizeNote(event.data);
  const actor = event.agent?.summary ?? null;
  const parsedEvent: ParsedAlertEvent = {
    kind,
    occurredAt,
    externalKeys: summary.externalKeys,
    dedupeKey: `pd:${event.id}`,
    title: summary.title,
    services: summary.services,
    priority: summary.priority,
    text: summary.text(actor),
    url: summary.url,
    actor,
    data: toJsonSafe({
      eventId: event.id,
      eventType,
      agentType: event.agent?.type ?? null,
      ...summary.data,
    }) as Record<string, unknown>,
  };
  return { ok: true, deliveryId, events: [parsedEvent] };
};
