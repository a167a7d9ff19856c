import { z } from "zod";

// Shapes follow Opsgenie's "Alert action data" page (docs.opsgenie.com/docs/marid-alert-action-data,
// now support.atlassian.com/opsgenie/docs/opsgenie-edge-connector-alert-action-data): updatedAt is epoch
// NANOSECONDS (19 digits, arrives as bigint), createdAt epoch MILLISECONDS. Unknown fields pass through.

/** An integer epoch as its exact decimal digits, whether it arrived as bigint, number or digit string. */
const epochDigits = z
  .custom<bigint | number | string>(
    (value) =>
      (typeof value === "bigint" && value >= BigInt(0)) ||
      (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) ||
      (typeof value === "string" && /^\d+$/.test(value)),
    { message: "must be an integer epoch timestamp" },
  )
  .transform((value) => value.toString());

// Current payloads send "P1".."P5"; older ones sent the bare number (3), kept as Opsgenie labels it.
const priority = z
  .union([z.string().regex(/^P[1-5]$/), z.number().int().min(1).max(5), z.string().regex(/^[1-5]$/)])
  .transform((value) => (typeof value === "string" && value.startsWith("P") ? value : `P${value}`));

/** Enough to name the delivery (alertId + action + updatedAt) before knowing whether Sitrep uses it. */
export const opsgenieEnvelopeSchema = z.object({
  action: z.string().min(1),
  alert: z.object({ alertId: z.string().min(1), updatedAt: epochDigits.optional() }),
});

export const opsgenieAlertSchema = z.object({
  alertId: z.string().min(1),
  message: z.string().optional(),
  tags: z.array(z.string()).optional(),
  tinyId: z.union([z.string(), z.number()]).optional(),
  entity: z.string().optional(),
  alias: z.string().optional(),
  createdAt: epochDigits.optional(),
  updatedAt: epochDigits.optional(),
  username: z.string().optional(),
  userFullName: z.string().optional(),
  userId: z.string().optional(),
  description: z.string().optional(),
  team: z.string().optional(),
  teams: z.array(z.string()).optional(),
  responders: z.array(z.object({ id: z.string().optional(), type: z.string().optional(), name: z.string().optional() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  priority: priority.optional(),
  oldPriority: priority.optional(),
  source: z.string().optional(),
  note: z.string().optional(),
  owner: z.string().optional(),
});

export const opsgenieDeliverySchema = z.object({
  action: z.string().min(1),
  alert: opsgenieAlertSchema,
  source: z.object({ name: z.string().optional(), type: z.string().optional() }).optional(),
  integrationName: z.string().optional(),
  integrationId: z.string().optional(),
  integrationType: z.string().optional(),
  escalationId: z.string().optional(),
  escalationName: z.string().optional(),
  escalationNotify: z.object({ name: z.string().optional(), id: z.string().optional(), type: z.string().optional() }).optional(),
  repeatCount: z.number().int().optional(),
});

/** Fields an action cannot do without; the rest of the alert is optional for every action. */
export const REQUIRED_ALERT_FIELD_BY_ACTION: Record<string, "message" | "note" | "owner" | "priority"> = {
  Create: "message",
  AddNote: "note",
  AssignOwnership: "owner",
  UpdatePriority: "priority",
};

export type OpsgenieDelivery = z.infer<typeof opsgenieDeliverySchema>;
