import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { SENDERS } from "@/lib/ingest/senders";
import { fingerprintSecret } from "@/lib/integrations/fingerprint-secret";
import { updateIntegrationSchema, type UpdateIntegrationInput } from "@/lib/integrations/schemas";

/**
 * Changes one integration. A generated token is returned once and never again; the audit log
 * records fingerprints, never secret values.
 */
export async function updateIntegration(ctx: Ctx, input: UpdateIntegrationInput): Promise<{ token?: string }> {
  assertCan(ctx.actor, "integrations.manage");
  const change = updateIntegrationSchema.parse(input);
  const { sender } = change;
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.integration.upsert({ where: { sender }, update: {}, create: { sender, name: SENDERS[sender].label } });
    let data: Prisma.IntegrationUpdateInput;
    let after: Record<string, unknown>;
    let token: string | undefined;
    switch (change.op) {
      case "add_secret":
        if (row.secrets.includes(change.value)) throw new AppError("CONFLICT", "That secret is already configured.");
        data = { secrets: [...row.secrets, change.value] };
        after = { secretAdded: fingerprintSecret(change.value) };
        break;
      case "remove_secret":
        data = { secrets: row.secrets.filter((s) => fingerprintSecret(s) !== change.fingerprint) };
        after = { secretRemoved: change.fingerprint };
        break;
      case "generate_token":
        token = `whk_${randomBytes(24).toString("base64url")}`;
        data = { tokens: [...row.tokens, token] };
        after = { tokenAdded: fingerprintSecret(token) };
        break;
      case "remove_token":
        data = { tokens: row.tokens.filter((t) => fingerprintSecret(t) !== change.fingerprint) };
        after = { tokenRemoved: change.fingerprint };
        break;
      case "configure":
        data = { enabled: change.enabled, tokenHeader: change.tokenHeader, settings: change.settings as Prisma.InputJsonObject };
        after = { enabled: change.enabled, tokenHeader: change.tokenHeader, settings: change.settings };
        break;
    }
    await tx.integration.update({ where: { id: row.id }, data });
    await recordAuditEvent(tx, ctx.actor, { action: `integration.${change.op}`, targetType: "Integration", targetId: row.id, after: { sender, ...after } }, ctx.requestId);
    return { token };
  });
}
