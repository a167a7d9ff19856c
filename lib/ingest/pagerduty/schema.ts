import { z } from "zod";

// Shapes follow PagerDuty's "Webhooks V3 Overview" (developer.pagerduty.com/docs/webhooks-overview):
// fields Sitrep reads are required, everything else is optional so new PagerDuty fields never break us.

const reference = z.object({
  id: z.string().min(1),
  type: z.string().optional(),
  summary: z.string().optional(),
  html_url: z.string().optional(),
});

/** Just enough to name the delivery and decide whether Sitrep uses it. */
export const pagerDutyEnvelopeSchema = z.object({
  event: z.object({ id: z.string().min(1), event_type: z.string().min(1) }),
});

/** `event.data` when `data.type` is "incident" (triggered, acknowledged, resolved, …). */
export const pagerDutyIncidentSchema = z.object({
  id: z.string().min(1),
  type: z.string().optional(),
  html_url: z.string().optional(),
  number: z.number().int().optional(),
  status: z.string().optional(),
  incident_key: z.string().nullable().optional(),
  created_at: z.string().optional(),
  title: z.string(),
  service: reference.nullable().optional(),
  assignees: z.array(reference).optional(),
  escalation_policy: reference.nullable().optional(),
  teams: z.array(reference).optional(),
  priority: reference.nullable().optional(),
  urgency: z.string().nullable().optional(),
  resolve_reason: z.unknown().optional(),
});

/** `event.data` for incident.annotated ("incident_note"): the incident is only referenced. */
export const pagerDutyNoteSchema = z.object({
  incident: reference,
  id: z.string().min(1),
  content: z.string(),
  trimmed: z.boolean().optional(),
  type: z.string().optional(),
});

/** `event.data` for incident.status_update_published ("incident_status_update"). */
export const pagerDutyStatusUpdateSchema = z.object({
  incident: reference,
  id: z.string().min(1),
  message: z.string(),
  trimmed: z.boolean().optional(),
  type: z.string().optional(),
});

/** The whole event once its type is known; `data` is one of the three shapes above. */
export function buildPagerDutyEventSchema<Data extends z.ZodType>(data: Data) {
  return z.object({
    event: z.object({
      id: z.string().min(1),
      event_type: z.string().min(1),
      resource_type: z.string().optional(),
      // Missing is tolerated (the Date header stands in); present but malformed is rejected.
      occurred_at: z.iso.datetime({ offset: true }).optional(),
      agent: reference.partial().nullable().optional(),
      client: z.unknown().optional(),
      data,
    }),
  });
}

export type PagerDutyIncident = z.infer<typeof pagerDutyIncidentSchema>;
export type PagerDutyNote = z.infer<typeof pagerDutyNoteSchema>;
export type PagerDutyStatusUpdate = z.infer<typeof pagerDutyStatusUpdateSchema>;
