import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_WINDOW_MS } from "@/lib/auth/sign-in-limits";
import { createDb, type Db } from "@/lib/db";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { hashPassword } from "@/lib/users/password";
import { createMigratedDatabase } from "../helpers/migrated-database";

/**
 * Brute force is limited per account and per IP, and the counts live in PostgreSQL: two app
 * instances (two Prisma clients, two connection pools on one database) share them, so spreading
 * guesses over instances, or sending them all at once, gains nothing.
 */
let drop: () => Promise<void>;
let instances: [Db, Db];
const PASSWORD = "the right password, for once";
const LIMITS = { account: 5, ip: 8 };

beforeAll(async () => {
  const created = await createMigratedDatabase();
  drop = created.drop;
  instances = [created.db, createDb(created.url)];
  const passwordHash = await hashPassword(PASSWORD);
  await created.db.user.createMany({ data: ["victim", "parallel", "owner", "typo", "office"].map((name) => ({ email: `${name}@sitrep.test`, name, role: "RESPONDER" as const, passwordHash })) });
});
afterAll(async () => {
  await instances[1].$disconnect();
  await drop();
});

const attempt = (instance: number, email: string, password: string, ip: string | null = null, now?: Date) => authenticateUser(instances[instance % 2]!, { email, password, ip }, { limits: LIMITS, now });
const audits = (action: string, label: string) => instances[0].auditEvent.count({ where: { action, actorLabel: label } });

describe("sign-in rate limit, shared by every instance", () => {
  it("refuses the sixth attempt on an account, even with the right password, wherever it lands", async () => {
    for (let i = 0; i < LIMITS.account; i += 1) expect(await attempt(i, "victim@sitrep.test", `guess ${i}`)).toEqual({ ok: false, reason: "invalid" });
    for (const instance of [0, 1]) {
      expect(await attempt(instance, "victim@sitrep.test", PASSWORD)).toMatchObject({ ok: false, reason: "throttled", scope: "account" });
    }
    expect(await audits("auth.sign_in_failed", "victim@sitrep.test")).toBe(LIMITS.account);
    // The first refusal of the window is audited, the rest are not (a flood must not flood the log).
    expect(await audits("auth.sign_in_throttled", "victim@sitrep.test")).toBe(1);
    const later = new Date(Date.now() + SIGN_IN_WINDOW_MS + 1000);
    expect(await attempt(1, "victim@sitrep.test", PASSWORD, null, later)).toMatchObject({ ok: true });
  });

  it("counts parallel guesses on both instances one by one: exactly the limit get their password checked", async () => {
    const guesses = await Promise.all(Array.from({ length: 14 }, (_, i) => attempt(i, "parallel@sitrep.test", `guess ${i}`)));
    expect(guesses.filter((g) => !g.ok && g.reason === "invalid")).toHaveLength(LIMITS.account);
    expect(guesses.filter((g) => !g.ok && g.reason === "throttled")).toHaveLength(14 - LIMITS.account);
    expect(await audits("auth.sign_in_failed", "parallel@sitrep.test")).toBe(LIMITS.account);
  });

  it("limits one IP across many accounts, and leaves other IPs alone", async () => {
    const ip = "198.51.100.23";
    for (let i = 0; i < LIMITS.ip; i += 1) expect(await attempt(i, `sprayed-${i}@sitrep.test`, "Winter2026!", ip)).toMatchObject({ reason: "invalid" });
    expect(await attempt(0, "owner@sitrep.test", PASSWORD, ip)).toMatchObject({ ok: false, reason: "throttled", scope: "ip" });
    expect(await attempt(1, "owner@sitrep.test", PASSWORD, "198.51.100.24")).toMatchObject({ ok: true });
    const event = await instances[0].auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_throttled", actorLabel: "owner@sitrep.test" } });
    expect(event.after).toMatchObject({ limit: "ip", ip });
  });

  it("does not let a success wipe the IP's count, but does start the account's over", async () => {
    const ip = "203.0.113.50";
    for (let i = 0; i < LIMITS.ip - 1; i += 1) expect(await attempt(i, `guessed-${i}@sitrep.test`, "password1", ip)).toMatchObject({ reason: "invalid" });
    // Someone with an account of their own signs in between guesses: that gives back one attempt, no more.
    expect(await attempt(0, "owner@sitrep.test", PASSWORD, ip)).toMatchObject({ ok: true });
    expect(await attempt(1, "guessed-last@sitrep.test", "password1", ip)).toMatchObject({ reason: "invalid" });
    expect(await attempt(0, "guessed-more@sitrep.test", "password1", ip)).toMatchObject({ reason: "throttled", scope: "ip" });

    for (let i = 0; i < LIMITS.account - 1; i += 1) expect(await attempt(i, "typo@sitrep.test", "typo")).toMatchObject({ reason: "invalid" });
    expect(await attempt(1, "typo@sitrep.test", PASSWORD)).toMatchObject({ ok: true });
    for (let i = 0; i < LIMITS.account; i += 1) expect(await attempt(i, "typo@sitrep.test", "typo again")).toMatchObject({ reason: "invalid" });
    expect(await attempt(0, "typo@sitrep.test", PASSWORD)).toMatchObject({ reason: "throttled", scope: "account" });
  });

  it("keeps one row per account and IP, and forgets windows that have run out", async () => {
    expect(await instances[0].signInThrottle.count({ where: { scope: "account", key: "parallel@sitrep.test" } })).toBe(1);
    const later = new Date(Date.now() + 2 * SIGN_IN_WINDOW_MS);
    expect(await attempt(0, "office@sitrep.test", PASSWORD, "192.0.2.1", later)).toMatchObject({ ok: true });
    expect(await instances[1].signInThrottle.findMany({ select: { scope: true, key: true } })).toEqual([{ scope: "ip", key: "192.0.2.1" }]);
  });
});
