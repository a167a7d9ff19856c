import type { DbTx } from "@/lib/db";
import { SIGN_IN_WINDOW_MS, type SignInCounter, type SignInScope } from "@/lib/auth/sign-in-limits";

export type SignInKeys = { account: string; ip: string | null };

/**
 * Counts this attempt against its account and its IP before the password is checked, in one
 * atomic upsert: parallel guesses, on any number of app instances, each get their own number, so
 * none slips under the limit while another is still being checked. A window that has run out
 * starts again at one. Not audited: the sign-in's own audit row says what happened.
 */
export async function reserveSignInAttempt(db: DbTx, keys: SignInKeys, options: { now: Date; windowMs?: number }): Promise<SignInCounter[]> {
  const { now } = options;
  const cutoff = new Date(now.getTime() - (options.windowMs ?? SIGN_IN_WINDOW_MS));
  const scopes: SignInScope[] = keys.ip ? ["account", "ip"] : ["account"];
  const values = scopes.map((scope) => (scope === "account" ? keys.account : (keys.ip as string)));
  const rows = await db.$queryRaw<{ scope: SignInScope; key: string; attempts: number; windowStartedAt: Date }[]>`
    INSERT INTO "SignInThrottle" ("scope", "key", "attempts", "windowStartedAt")
    SELECT t.scope, t.key, 1, (${now}::timestamptz AT TIME ZONE 'UTC')
    FROM unnest(${scopes}::text[], ${values}::text[]) AS t(scope, key)
    ON CONFLICT ("scope", "key") DO UPDATE SET
      "attempts" = CASE WHEN "SignInThrottle"."windowStartedAt" <= (${cutoff}::timestamptz AT TIME ZONE 'UTC') THEN 1 ELSE "SignInThrottle"."attempts" + 1 END,
      "windowStartedAt" = CASE WHEN "SignInThrottle"."windowStartedAt" <= (${cutoff}::timestamptz AT TIME ZONE 'UTC') THEN EXCLUDED."windowStartedAt" ELSE "SignInThrottle"."windowStartedAt" END
    RETURNING "scope", "key", "attempts", "windowStartedAt"`;
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}
