import { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/users/password";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";

export async function createUser(ctx: Ctx, input: CreateUserInput) {
  assertCan(ctx.actor, "users.manage");
  const data = createUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash },
        select: { id: true, email: true, name: true, role: true, createdAt: true },
      });
      await recordAuditEvent(
        tx,
        ctx.actor,
        { action: "user.create", targetType: "User", targetId: user.id, after: { email: user.email, name: user.name, role: user.role } },
        ctx.requestId,
      );
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A user with the e-mail ${data.email} already exists.`);
    }
    throw error;
  }
}
