import type { DbTx } from "@/lib/db";
import { integrationSettingsSchema, type IntegrationSettings } from "@/lib/ingest/integration-settings";
import { SENDERS, type WebhookSender } from "@/lib/ingest/senders";

export type IntegrationCredentials = {
  integrationId: string | null;
  enabled: boolean;
  secrets: string[];
  tokens: string[];
  tokenHeader: string | null;
  settings: IntegrationSettings;
};

const splitList = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * What a sender's deliveries are checked against: secrets and tokens from Settings plus those
 * from the environment (PAGERDUTY_WEBHOOK_SECRETS, …). Read per delivery, so a rotation in
 * Settings takes effect at once on every app instance.
 */
export async function findIntegrationCredentials(
  db: DbTx,
  sender: WebhookSender,
  env: Record<string, string | undefined> = process.env,
): Promise<IntegrationCredentials> {
  const row = await db.integration.findUnique({ where: { sender } });
  const spec = SENDERS[sender];
  const settings = integrationSettingsSchema.safeParse(row?.settings ?? {});
  return {
    integrationId: row?.id ?? null,
    enabled: row?.enabled ?? true,
    secrets: [...(row?.secrets ?? []), ...splitList(spec.env.secrets && env[spec.env.secrets])],
    tokens: [...(row?.tokens ?? []), ...splitList(spec.env.tokens && env[spec.env.tokens])],
    tokenHeader: row?.tokenHeader ?? null,
    settings: settings.success ? settings.data : {},
  };
}
