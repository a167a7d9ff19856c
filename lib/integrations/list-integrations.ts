import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { SENDERS, type WebhookSender } from "@/lib/ingest/senders";
import { integrationSettingsSchema } from "@/lib/ingest/integration-settings";
import { fingerprintSecret } from "@/lib/integrations/fingerprint-secret";

/** Every webhook sender with how it is configured; secrets appear only as fingerprints. */
export async function listIntegrations(ctx: Ctx, env: Record<string, string | undefined> = process.env) {
  assertCan(ctx.actor, "integrations.manage");
  const rows = await ctx.db.integration.findMany();
  const stats = await ctx.db.rawEvent.groupBy({ by: ["sender"], _count: { _all: true }, _max: { receivedAt: true } });
  return (Object.keys(SENDERS) as WebhookSender[]).map((sender) => {
    const spec = SENDERS[sender];
    const row = rows.find((r) => r.sender === sender);
    const stat = stats.find((s) => s.sender === sender);
    const settings = integrationSettingsSchema.safeParse(row?.settings ?? {});
    return {
      sender,
      label: spec.label,
      auth: spec.auth,
      enabled: row?.enabled ?? true,
      secrets: (row?.secrets ?? []).map(fingerprintSecret),
      tokens: (row?.tokens ?? []).map(fingerprintSecret),
      tokenHeader: row?.tokenHeader ?? null,
      settings: settings.success ? settings.data : {},
      env: {
        secrets: spec.env.secrets ? { name: spec.env.secrets, isSet: Boolean(env[spec.env.secrets]) } : null,
        tokens: spec.env.tokens ? { name: spec.env.tokens, isSet: Boolean(env[spec.env.tokens]) } : null,
      },
      deliveries: stat?._count._all ?? 0,
      lastDeliveryAt: stat?._max.receivedAt ?? null,
    };
  });
}

export type IntegrationView = Awaited<ReturnType<typeof listIntegrations>>[number];
