import type { Db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyPassword } from "@/lib/users/password";
import { emailSchema } from "@/lib/users/schemas";

export type SignedInUser = { id: string; email: string; name: string; role: string };

/**
 * Checks an e-mail and password. Success and failure are both audited; a failure says nothing
 * about which of the two was wrong.
 */
export async function authenticateUser(
  db: Db,
  input: { email: unknown; password: unknown },
): Promise<SignedInUser | null> {
  const email = emailSchema.safeParse(input.email);
  const password = typeof input.password === "string" ? input.password : "";
  const user = email.success ? await db.user.findUnique({ where: { email: email.data } }) : null;
  const isValid = (await verifyPassword(password, user?.passwordHash)) && user !== null && !user.disabledAt;
  const label = email.success ? email.data : "(invalid e-mail)";
  await db.$transaction(async (tx) => {
    if (isValid && user) {
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    }
    await recordAuditEvent(
      tx,
      { type: "user", id: user?.id ?? null, label },
      { action: isValid ? "auth.sign_in" : "auth.sign_in_failed", targetType: "User", targetId: user?.id ?? null },
    );
  });
  if (!isValid || !user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
