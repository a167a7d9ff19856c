import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";
import { emailSchema } from "@/lib/users/schemas";

/**
 * The Sitrep user behind an OIDC sign-in, matched by verified e-mail. First-time users get
 * OIDC_DEFAULT_ROLE (VIEWER unless set); an ADMIN promotes them in Settings.
 */
export async function findOrCreateOidcUser(
  db: Db,
  profile: { email?: string | null; name?: string | null; email_verified?: unknown },
  options: { defaultRole: Role },
) {
  // An unverified address proves nothing: some providers let anyone claim any e-mail, and
  // matching on it would hand over that account (an ADMIN's, say).
  if (profile.email_verified !== true && profile.email_verified !== "true") return null;
  const email = emailSchema.safeParse(profile.email);
  if (!email.success) return null;
  const existing = await db.user.findUnique({ where: { email: email.data } });
  if (existing) return existing.disabledAt ? null : existing;
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: email.data, name: profile.name?.trim() || email.data, role: options.defaultRole },
    });
    await recordAuditEvent(
      tx,
      { type: "system", id: null, label: "oidc" },
      { action: "user.create", targetType: "User", targetId: user.id, after: { email: user.email, role: user.role, via: "oidc" } },
    );
    return user;
  });
}
