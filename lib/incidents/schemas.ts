import { z } from "zod";

export const severitySchema = z.enum(["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]);
export const categorySchema = z.enum(["outage", "degradation", "security", "safety", "other"]);
export const statusSchema = z.enum(["triggered", "investigating", "identified", "monitoring", "resolved"]);
export type SeverityValue = z.infer<typeof severitySchema>;
export type StatusValue = z.infer<typeof statusSchema>;

/** One value or a comma-separated list (or an array), as query strings and forms send them. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? undefined : Array.isArray(v) ? v : String(v).split(",")), z.array(item).optional());

/** Filters for incident lists, from a query string or a JSON body alike. */
export const listIncidentsSchema = z.object({
  status: oneOrMany(statusSchema),
  severity: oneOrMany(severitySchema),
  category: oneOrMany(categorySchema),
  open: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListIncidentsInput = z.input<typeof listIncidentsSchema>;

/** One tag as stored: folded to lower case, no spaces, so "EU-West" and "eu-west" are one tag. */
export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40, "A tag is at most 40 characters.")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._:/-]*$/u, "A tag is letters, digits and . _ : / - (no spaces), starting with a letter or digit.");
