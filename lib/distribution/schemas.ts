import { z } from "zod";
import { categorySchema, severitySchema } from "@/lib/incidents/schemas";


/** Addresses as a person pastes them: one per line or comma-separated; each must be a valid address. */
export const addressList = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean) : v),
    z
      .array(z.email({ error: (issue) => `"${String(issue.input)}" is not a valid e-mail address.` }).max(320))
      .max(max, `At most ${max} addresses.`)
      // The first spelling of an address is kept; later ones that differ only in case are dropped.
      .transform((list) => list.filter((address, i) => list.findIndex((other) => other.toLowerCase() === address.toLowerCase()) === i)),
  );

export const distributionListSchema = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1, "Give the list a name.").max(100),
  recipients: addressList(500).refine((list) => list.length > 0, "Add at least one address."),
  severities: z.array(severitySchema).default([]),
  categories: z.array(categorySchema).default([]),
  tags: z.preprocess((v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v), z.array(z.string().max(100)).max(50)).default([]),
});

export const incidentRecipientsSchema = z.object({
  key: z.string().min(1),
  extraRecipients: addressList(200),
  excludedRecipients: addressList(200),
});
