import { z } from "zod";
import { severitySchema } from "@/lib/incidents/schemas";

/** Per-integration options an ADMIN sets in Settings → Integrations. */
export const integrationSettingsSchema = z.object({
  /** The sender's priority or severity value (case-insensitive) → Sitrep severity. */
  severityMap: z.record(z.string().min(1).max(40), severitySchema).optional(),
});

export type IntegrationSettings = z.infer<typeof integrationSettingsSchema>;
