import type { Db } from "@/lib/db";
import { SIGN_IN_WINDOW_MS, type SignInCounter } from "@/lib/auth/sign-in-limits";

/**
 * After a successful sign-in: the account starts over (its owner proved the password), but the
 * IP only gets back the one attempt this sign-in reserved. Resetting the IP would let someone
 * with an account of their own wipe the count between guesses at another's. Windows that have
 * run out are forgotten here, so the table stays the size of current activity.
 */
export async function refundSignInAttempt(db: Db, counters: SignInCounter[], options: { now: Date; windowMs?: number }): Promise<void> {
  const cutoff = new Date(options.now.getTime() - (options.windowMs ?? SIGN_IN_WINDOW_MS));
  const account = counters.find((counter) => counter.scope === "account");
  const ip = counters.find((counter) => counter.scope === "ip");
  await db.$transaction([
    ...(account ? [db.signInThrottle.deleteMany({ where: { scope: "account", key: account.key } })] : []),
    // Only the window this attempt was counted in: a newer window owes it nothing.
    ...(ip ? [db.signInThrottle.updateMany({ where: { scope: "ip", key: ip.key, windowStartedAt: ip.windowStartedAt, attempts: { gt: 0 } }, data: { attempts: { decrement: 1 } } })] : []),
    db.signInThrottle.deleteMany({ where: { windowStartedAt: { lte: cutoff } } }),
  ]);
}
