import { z } from "zod";

// Datadog's payload is whatever template the user saved. Both the default template
// ({body, last_updated, event_type, title, date, org, id}) and Sitrep's recommended one
// (./template.ts) are accepted; every field but id is optional and an empty string means "not set"
// (Datadog renders a variable it has no value for as "").

// Quoted variables arrive as strings; an unquoted $ID or $DATE arrives as a number or bigint.
const scalar = z.union([z.string(), z.number(), z.bigint()]).transform((value) => String(value).trim());
const optionalScalar = scalar.optional().transform((value) => (value ? value : undefined));
const optionalText = z.string().optional().transform((value) => (value?.trim() ? value : undefined));

export const datadogPayloadSchema = z.object({
  id: scalar.refine((value) => value.length > 0, { message: "must not be empty" }),
  // Recommended template.
  alert_id: optionalScalar,
  alert_cycle_key: optionalScalar,
  aggregate: optionalScalar,
  transition: optionalText,
  msg: optionalText,
  alert_priority: optionalText,
  hostname: optionalText,
  scope: optionalText,
  tags: z.union([z.string(), z.array(z.string())]).optional(),
  link: optionalText,
  alert_status: optionalText,
  alert_type: optionalText,
  // Shared with the default template.
  title: optionalText,
  body: optionalText,
  priority: optionalText,
  date: optionalScalar,
  last_updated: optionalScalar,
  event_type: optionalText,
  org: z.object({ id: optionalScalar, name: optionalText }).optional(),
  // Names other published templates use for the same variables.
  alert_transition: optionalText,
  host_name: optionalText,
});

export type DatadogPayload = z.infer<typeof datadogPayloadSchema>;

const MIN_EPOCH_MILLIS = 1_000_000_000_000; // 2001-09-09: anything smaller is seconds or garbage.

/** $DATE / $LAST_UPDATED are epoch milliseconds; anything else is refused rather than guessed. */
export function readEpochMillis(value: string): Date | null {
  if (!/^\d+$/.test(value)) return null;
  const millis = Number(value);
  return millis >= MIN_EPOCH_MILLIS && Number.isSafeInteger(millis) ? new Date(millis) : null;
}
