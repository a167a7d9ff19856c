import { beforeAll, describe, expect, it, vi } from "vitest";
import { startUserSession } from "@/lib/auth/start-user-session";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/session-lifetime";
import { exercise } from "../helpers/security/exercise";
import { setUpInProcessApp } from "../helpers/security/in-process-app";
import type { MatrixWorld, Principal } from "../helpers/security/matrix-world";
import { createSessionCookie, enterRequest } from "../helpers/security/request-scope";
import type { EntryPoint } from "../helpers/security/route-list";

vi.mock("next/headers", async () => (await import("../helpers/security/request-scope")).fakeNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/**
 * Sessions end: the cookie's own expiry, a sign-out, and the server-side limits on the session
 * row (twelve hours from sign-in, two hours idle), which hold even while the JWT cookie, renewed
 * on every request, is still valid. Each is checked on a page and on the API.
 */
const app = setUpInProcessApp();
const PAGE: EntryPoint = { kind: "page", id: "page /incidents", file: "app/(app)/incidents/page.tsx", path: "/incidents" };
const API: EntryPoint = { kind: "route", id: "GET /api/incidents", file: "app/api/incidents/route.ts", path: "/api/incidents", method: "GET" };
const NO_WORLD = {} as MatrixWorld;
let user: { id: string; email: string };

beforeAll(async () => {
  user = await app.db().user.create({ data: { email: "shift@sitrep.test", name: "Shift Worker", role: "RESPONDER" } });
});

async function signedIn(options: { maxAgeSeconds?: number } = {}) {
  const sessionId = await startUserSession(app.db(), user.id);
  const principal: Principal = { name: "RESPONDER", kind: "user", role: "RESPONDER", user, headers: { cookie: await createSessionCookie(user, sessionId, options.maxAgeSeconds) } };
  return { sessionId, principal };
}

async function outcomes(principal: Principal) {
  return { page: await exercise(PAGE, principal, NO_WORLD), api: await exercise(API, principal, NO_WORLD) };
}

const LET_IN = { page: "allowed", api: "allowed" };
const REFUSED = { page: "login", api: "unauthenticated" };

describe("session expiry", () => {
  it("lets a fresh session in, and gives it an absolute end twelve hours out", async () => {
    const { sessionId, principal } = await signedIn();
    expect(await outcomes(principal)).toEqual(LET_IN);
    const row = await app.db().userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SESSION_ABSOLUTE_MS);
  });

  it("refuses a cookie past its own maxAge", async () => {
    const { principal } = await signedIn({ maxAgeSeconds: -60 });
    expect(await outcomes(principal)).toEqual(REFUSED);
  });

  it("refuses a session signed out on the server, though its cookie is still valid", async () => {
    const { sessionId, principal } = await signedIn();
    enterRequest(principal.headers);
    const { signOutAction } = await import("@/app/(app)/actions");
    await expect(signOutAction()).rejects.toMatchObject({ digest: expect.stringContaining(";http://sitrep.test/login;") });
    expect((await app.db().userSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    expect(await outcomes(principal)).toEqual(REFUSED);
  });

  it("refuses a session past its absolute end, however recently it was used", async () => {
    const { sessionId, principal } = await signedIn();
    await app.db().userSession.update({ where: { id: sessionId }, data: { createdAt: new Date(Date.now() - SESSION_ABSOLUTE_MS - 1000), expiresAt: new Date(Date.now() - 1000) } });
    expect(await outcomes(principal)).toEqual(REFUSED);
  });

  it("refuses a session left idle for two hours; use keeps one alive and is recorded once a minute", async () => {
    const idle = await signedIn();
    await app.db().userSession.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) } });
    expect(await outcomes(idle.principal)).toEqual(REFUSED);

    const active = await signedIn();
    const almostIdle = new Date(Date.now() - SESSION_IDLE_MS + 60_000);
    await app.db().userSession.update({ where: { id: active.sessionId }, data: { lastSeenAt: almostIdle } });
    expect(await outcomes(active.principal)).toEqual(LET_IN);
    const touched = (await app.db().userSession.findUniqueOrThrow({ where: { id: active.sessionId } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(almostIdle.getTime() + 60_000);
    // Within the minute, reading is not a write.
    expect(await outcomes(active.principal)).toEqual(LET_IN);
    expect((await app.db().userSession.findUniqueOrThrow({ where: { id: active.sessionId } })).lastSeenAt).toEqual(touched);
  });

  it("refuses a session of a user disabled since", async () => {
    const { principal } = await signedIn();
    await app.db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    try {
      expect(await outcomes(principal)).toEqual(REFUSED);
    } finally {
      await app.db().user.update({ where: { id: user.id }, data: { disabledAt: null } });
    }
  });
});
