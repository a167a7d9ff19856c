import type { Db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyPassword } from "@/lib/users/password";
import { emailSchema } from "@/lib/users/schemas";

export type SignedInUser = { id: string; email: string; name: string; role: string };
export type AuthenticationResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "throttled" };

/** Failed attempts per e-mail within the window before further attempts are refused. */
export const MAX_FAILED_ATTEMPTS = 10;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/**
 * Checks an e-mail and password. Success and failure are both audited; a failure says nothing
 * about which of the two was wrong. Failed attempts are counted from the audit log itself, so the
 * limit holds across any number of app instances.
 */
export async function authenticateUser(
  db: Db,
  input: { email: unknown; password: unknown },
  options: { now?: Date } = {},
): Promise<AuthenticationResult> {
  const now = options.now ?? new Date();
  const email = emailSchema.safeParse(input.email);
  const label = email.success ? email.data : "(invalid e-mail)";
  const password = typeof input.password === "string" ? input.password : "";
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // Attempts for one e-mail run one at a time, so parallel guesses cannot all slip under the limit.
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sitrep.sign_in:${label}`}))`;
      const recentFailures = await tx.auditEvent.count({ where: { action: "auth.sign_in_failed", actorLabel: label, at: { gt: windowStart } } });
      if (recentFailures >= MAX_FAILED_ATTEMPTS) {
        // One audit row per throttled window, not one per attempt: refusals must stay cheap.
        const alreadyNoted = await tx.auditEvent.count({ where: { action: "auth.sign_in_throttled", actorLabel: label, at: { gt: windowStart } } });
        if (!alreadyNoted) await recordAuditEvent(tx, { type: "user", id: null, label }, { action: "auth.sign_in_throttled", targetType: "User" });
        return { ok: false, reason: "throttled" } as const;
      }
      const user = email.success ? await tx.user.findUnique({ where: { email: email.data } }) : null;
      const isValid = (await verifyPassword(password, user?.passwordHash)) && user !== null && !user.disabledAt;
      if (isValid && user) await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
      await recordAuditEvent(
        tx,
        { type: "user", id: user?.id ?? null, label },
        { action: isValid ? "auth.sign_in" : "auth.sign_in_failed", targetType: "User", targetId: user?.id ?? null },
      );
      if (!isValid || !user) return { ok: false, reason: "invalid" } as const;
      return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } } as const;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
