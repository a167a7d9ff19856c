import type { Db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { refundSignInAttempt } from "@/lib/auth/refund-sign-in-attempt";
import { reserveSignInAttempt } from "@/lib/auth/reserve-sign-in-attempt";
import { DEFAULT_SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS, findSignInThrottle, type SignInLimits, type SignInScope } from "@/lib/auth/sign-in-limits";
import { verifyPassword } from "@/lib/users/password";
import { emailSchema } from "@/lib/users/schemas";

export type SignedInUser = { id: string; email: string; name: string; role: string };
export type AuthenticationResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; scope: SignInScope; retryAt: Date };

/** Attempts per e-mail within the window before further attempts are refused (SIGN_IN_ACCOUNT_LIMIT). */
export const MAX_FAILED_ATTEMPTS = DEFAULT_SIGN_IN_LIMITS.account;
export const THROTTLE_WINDOW_MS = SIGN_IN_WINDOW_MS;

/**
 * Checks an e-mail and password. Success and failure are both audited; a failure says nothing
 * about which of the two was wrong. Every attempt is counted per e-mail and per client IP in
 * PostgreSQL before the password is checked, so the limits hold across any number of app
 * instances and against parallel guesses; past either limit, even the right password is refused.
 */
export async function authenticateUser(
  db: Db,
  input: { email: unknown; password: unknown; ip?: string | null },
  options: { now?: Date; limits?: SignInLimits } = {},
): Promise<AuthenticationResult> {
  const now = options.now ?? new Date();
  const email = emailSchema.safeParse(input.email);
  const label = email.success ? email.data : "(invalid e-mail)";
  const password = typeof input.password === "string" ? input.password : "";
  const ip = input.ip ?? null;
  const actor = { type: "user", id: null, label } as const;

  const counters = await reserveSignInAttempt(db, { account: label, ip }, { now });
  const throttle = findSignInThrottle(counters, options.limits ?? DEFAULT_SIGN_IN_LIMITS);
  if (throttle) {
    // One audit row per limit and window (its first refusal), not one per attempt: a flood of
    // refused guesses must stay cheap and must not flood the append-only log.
    if (throttle.firstRefusals.length > 0) {
      await db.$transaction(async (tx) => {
        for (const scope of throttle.firstRefusals) {
          await recordAuditEvent(tx, actor, { action: "auth.sign_in_throttled", targetType: "User", after: { limit: scope, ...(ip && { ip }), retryAt: throttle.retryAt.toISOString() } });
        }
      });
      console.warn(`[auth] sign-in refused: too many attempts (${throttle.firstRefusals.join(" and ")}) until ${throttle.retryAt.toISOString()}`);
    }
    return { ok: false, reason: "throttled", scope: throttle.scope, retryAt: throttle.retryAt };
  }

  const user = email.success ? await db.user.findUnique({ where: { email: email.data } }) : null;
  const isValid = (await verifyPassword(password, user?.passwordHash)) && user !== null && !user.disabledAt;
  await db.$transaction(async (tx) => {
    if (isValid && user) await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAuditEvent(tx, { ...actor, id: user?.id ?? null }, { action: isValid ? "auth.sign_in" : "auth.sign_in_failed", targetType: "User", targetId: user?.id ?? null, after: ip ? { ip } : null });
  });
  if (!isValid || !user) return { ok: false, reason: "invalid" };
  await refundSignInAttempt(db, counters, { now });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
