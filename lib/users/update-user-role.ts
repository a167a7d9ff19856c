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
    // Serialise role changes so two ADMINs demoting each other cannot both pass the check below.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sitrep.user_roles'))`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, email: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (user.role === role) return user;
    if (user.role === "ADMIN" && !user.disabledAt) {
      // Nobody may lock the organisation out of its own settings.
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: user.id } } });
      if (otherAdmins === 0) throw new AppError("CONFLICT", "This is the last ADMIN; make someone else ADMIN first.");
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
