import { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { updateUserRoleSchema } from "@/lib/users/schemas";

export async function updateUserRole(ctx: Ctx, input: z.input<typeof updateUserRoleSchema>) {
  assertCan(ctx.actor, "users.manage");
  const { userId, role } = updateUserRoleSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, email: true } });
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (user.role === role) return user;
    if (user.role === "ADMIN") {
      // Nobody may lock the organisation out of its own settings.
      const admins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null } });
      if (admins <= 1) throw new AppError("CONFLICT", "This is the last ADMIN; make someone else ADMIN first.");
    }
    const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true, email: true } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "user.role_change", targetType: "User", targetId: userId, before: { role: user.role }, after: { role } },
      ctx.requestId,
    );
    return updated;
  });
}
