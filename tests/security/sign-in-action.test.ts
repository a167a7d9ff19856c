import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/users/password";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { exercise } from "../helpers/security/exercise";
import { setUpInProcessApp } from "../helpers/security/in-process-app";
import type { MatrixWorld } from "../helpers/security/matrix-world";
import { readSetCookies, SESSION_COOKIE, enterRequest } from "../helpers/security/request-scope";

vi.mock("next/headers", async () => (await import("../helpers/security/request-scope")).fakeNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/**
 * The login form's action through the real Auth.js credentials flow: the sixth wrong password
 * for an account gets the rate-limit message with when to retry, the client's address is the
 * socket's (a forged X-Forwarded-For is not believed without TRUST_PROXY), and a right password
 * yields a session cookie that works.
 */
const app = setUpInProcessApp();
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await app.db().user.createMany({ data: [{ email: "locked@sitrep.test", name: "Locked", role: "RESPONDER", passwordHash }, { email: "fine@sitrep.test", name: "Fine", role: "COMMANDER", passwordHash }] });
});

async function submit(email: string, password: string): Promise<{ error?: string } | { redirect: string }> {
  enterRequest({ [PEER_ADDRESS_HEADER]: "::ffff:192.0.2.77", "x-forwarded-for": "10.66.66.66" });
  const { signInWithPassword } = await import("@/app/login/actions");
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  form.set("callbackUrl", "/queue");
  try {
    return await signInWithPassword({}, form);
  } catch (error) {
    return { redirect: String((error as { digest?: string }).digest).split(";")[2] ?? "" };
  }
}

describe("the sign-in form's rate limit", () => {
  it("answers the sixth wrong password with when to try again, and audits it with the socket's address", async () => {
    for (let i = 1; i <= 5; i += 1) expect(await submit("locked@sitrep.test", `wrong ${i}`)).toEqual({ error: "Wrong e-mail or password.", email: "locked@sitrep.test" });
    const sixth = await submit("locked@sitrep.test", "wrong 6");
    expect(sixth).toMatchObject({ email: "locked@sitrep.test" });
    expect("error" in sixth && sixth.error).toMatch(/^Too many failed sign-in attempts for this e-mail\. Try again in 15 minutes \(after \d\d:\d\d UTC\)\.$/);
    expect(await submit("locked@sitrep.test", PASSWORD)).toMatchObject({ error: expect.stringContaining("Too many failed sign-in attempts") });

    const throttled = await app.db().auditEvent.findMany({ where: { action: "auth.sign_in_throttled" } });
    expect(throttled.map((e) => [e.actorLabel, e.after])).toEqual([["locked@sitrep.test", expect.objectContaining({ limit: "account", ip: "192.0.2.77" })]]);
    const failed = await app.db().auditEvent.findMany({ where: { action: "auth.sign_in_failed" }, select: { after: true } });
    expect(failed).toHaveLength(5);
    expect(failed.every((e) => (e.after as { ip?: string }).ip === "192.0.2.77")).toBe(true);
  });

  it("lets another account from the same address in, with a session cookie that works", async () => {
    expect(await submit("fine@sitrep.test", PASSWORD)).toEqual({ redirect: "http://sitrep.test/queue" });
    const cookie = readSetCookies().get(SESSION_COOKIE);
    expect(cookie).toBeTruthy();
    const principal = { name: "COMMANDER", kind: "user" as const, role: "COMMANDER" as const, user: { id: "", email: "fine@sitrep.test" }, headers: { cookie: `${SESSION_COOKIE}=${cookie}` } };
    const api = { kind: "route" as const, id: "GET /api/queue/count", file: "app/api/queue/count/route.ts", path: "/api/queue/count", method: "GET" };
    expect(await exercise(api, principal, {} as MatrixWorld)).toBe("allowed");
  });
});
