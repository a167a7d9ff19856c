import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { createApiTokenSchema, type CreateApiTokenInput } from "@/lib/tokens/schemas";
import { generateTokenSecret } from "@/lib/tokens/token-secret";

const DAY_MS = 86_400_000;

/** Creates an API token and returns its secret; this is the only time the secret exists in clear. */
export async function createApiToken(ctx: Ctx, input: CreateApiTokenInput) {
  assertCan(ctx.actor, "tokens.manage");
  const data = createApiTokenSchema.parse(input);
  const secret = generateTokenSecret();
  const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * DAY_MS) : null;
  const record = await ctx.db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: data.name,
        role: data.role,
        scope: data.scope,
        tokenHash: secret.hash,
        prefix: secret.prefix,
        expiresAt,
        createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
      },
      select: { id: true, name: true, role: true, scope: true, prefix: true, expiresAt: true, createdAt: true },
    });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "token.create", targetType: "ApiToken", targetId: created.id, after: { name: created.name, role: created.role, ...(created.scope && { scope: created.scope }), prefix: created.prefix, expiresAt } },
      ctx.requestId,
    );
    return created;
  });
  return { ...record, token: secret.token };
}
