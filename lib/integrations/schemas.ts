import { z } from "zod";
import { integrationSettingsSchema } from "@/lib/ingest/integration-settings";

export const webhookSenderSchema = z.enum(["pagerduty", "opsgenie", "alertmanager", "grafana", "datadog"]);

/** One change to an integration; secrets are added or removed one at a time, never listed back. */
export const updateIntegrationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add_secret"), sender: webhookSenderSchema, value: z.string().trim().min(16, "Secrets need at least 16 characters.").max(500) }),
  z.object({ op: z.literal("remove_secret"), sender: webhookSenderSchema, fingerprint: z.string().min(1) }),
  z.object({ op: z.literal("generate_token"), sender: webhookSenderSchema }),
  z.object({ op: z.literal("remove_token"), sender: webhookSenderSchema, fingerprint: z.string().min(1) }),
  z.object({
    op: z.literal("configure"),
    sender: webhookSenderSchema,
    enabled: z.boolean(),
    tokenHeader: z
      .string()
      .trim()
      .max(100)
      .regex(/^[A-Za-z0-9-]*$/, "A header name has only letters, digits and dashes.")
      .transform((v) => v || null),
    settings: integrationSettingsSchema,
  }),
]);
export type UpdateIntegrationInput = z.input<typeof updateIntegrationSchema>;
