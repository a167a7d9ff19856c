import { AppError } from "@/lib/errors";

/** Attempts are counted in a window that opens with the first attempt and lasts this long. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export type SignInScope = "account" | "ip";
export type SignInLimits = Record<SignInScope, number>;

/** Per account (e-mail) and per client IP: an office behind one NAT shares the IP's allowance. */
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { account: 5, ip: 20 };

export type SignInCounter = { scope: SignInScope; key: string; attempts: number; windowStartedAt: Date };
export type SignInThrottle = {
  /** The limit that holds longest, so the retry time is true whichever of the two was broken. */
  scope: SignInScope;
  retryAt: Date;
  /** Scopes this attempt is the first to be refused in the window: the ones to audit, once. */
  firstRefusals: SignInScope[];
};

const retryAt = (counter: SignInCounter, windowMs: number) => new Date(counter.windowStartedAt.getTime() + windowMs);

/** The refusal this attempt meets, or null when both counters are within their limits. */
export function findSignInThrottle(counters: SignInCounter[], limits: SignInLimits, windowMs = SIGN_IN_WINDOW_MS): SignInThrottle | null {
  const over = counters.filter((counter) => counter.attempts > limits[counter.scope]);
  if (over.length === 0) return null;
  const longest = over.reduce((a, b) => (retryAt(b, windowMs) > retryAt(a, windowMs) ? b : a));
  return {
    scope: longest.scope,
    retryAt: retryAt(longest, windowMs),
    firstRefusals: over.filter((counter) => counter.attempts === limits[counter.scope] + 1).map((counter) => counter.scope),
  };
}

/** What the person at the sign-in form reads: which limit, and when to try again. */
export function describeSignInThrottle(throttle: Pick<SignInThrottle, "scope" | "retryAt">, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((throttle.retryAt.getTime() - now.getTime()) / 60_000));
  const who = throttle.scope === "account" ? "for this e-mail" : "from your network";
  const when = `${minutes} minute${minutes === 1 ? "" : "s"} (after ${throttle.retryAt.toISOString().slice(11, 16)} UTC)`;
  return new AppError("RATE_LIMITED", `Too many failed sign-in attempts ${who}. Try again in ${when}.`, { scope: throttle.scope, retryAt: throttle.retryAt.toISOString() });
}
