import { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";

const revokeSchema = z.object({ tokenId: z.string().min(1) });

export async function revokeApiToken(ctx: Ctx, input: z.input<typeof revokeSchema>) {
  assertCan(ctx.actor, "tokens.manage");
  const { tokenId } = revokeSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!token) throw new AppError("NOT_FOUND", "That token does not exist.");
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "token.revoke", targetType: "ApiToken", targetId: tokenId, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } },
      ctx.requestId,
    );
    return revoked;
  });
}
