import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { revokeShareLinkSchema } from "@/lib/stakeholder/schemas";

/** Stops a share link working at once; revoking one already revoked changes nothing. */
export async function revokeShareLink(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, "share_links.manage");
  const { id } = revokeShareLinkSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ShareLink" WHERE "id" = ${id} FOR UPDATE`;
    if (!rows[0]) throw new AppError("NOT_FOUND", "That share link does not exist.");
    const link = await tx.shareLink.findUniqueOrThrow({ where: { id } });
    if (link.revokedAt) return { id, revokedAt: link.revokedAt, changed: false };
    const revokedAt = new Date();
    await tx.shareLink.update({ where: { id }, data: { revokedAt, revokedById: ctx.actor.type === "user" ? ctx.actor.id : null } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "share_link.revoke", targetType: "ShareLink", targetId: id, incidentId: link.incidentId, before: { revokedAt: null }, after: { revokedAt, label: link.label } },
      ctx.requestId,
    );
    return { id, revokedAt, changed: true };
  });
}
