import { encode } from "next-auth/jwt";

/**
 * What `next/headers` would give a page, action or route handler inside Next.js: the incoming
 * request's headers and a cookie jar. A test file swaps the module for this one —
 *   vi.mock("next/headers", async () => (await import("../helpers/security/request-scope")).fakeNextHeaders);
 * — and the real Auth.js (inlined by vitest.config.ts) then reads the real session cookie that
 * `enterRequest` puts in the headers, decrypts it with AUTH_SECRET and checks it as in production.
 */
const scope = { headers: new Headers(), jar: new Map<string, string>() };

export const SESSION_COOKIE = "authjs.session-token";

type CookieOptions = { maxAge?: number; expires?: Date };

const cookieStore = {
  get: (name: string) => (scope.jar.has(name) ? { name, value: scope.jar.get(name)! } : undefined),
  getAll: () => [...scope.jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => scope.jar.has(name),
  set(nameOrCookie: string | { name: string; value: string } & CookieOptions, value?: string, options?: CookieOptions) {
    const cookie = typeof nameOrCookie === "string" ? { name: nameOrCookie, value: value ?? "", ...options } : nameOrCookie;
    // Auth.js clears a cookie by setting it empty with maxAge 0.
    if (cookie.value === "" || cookie.maxAge === 0) scope.jar.delete(cookie.name);
    else scope.jar.set(cookie.name, cookie.value);
    return cookieStore;
  },
  delete(name: string) {
    scope.jar.delete(name);
    return cookieStore;
  },
};

export const fakeNextHeaders = {
  headers: async () => scope.headers,
  cookies: async () => cookieStore,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

/** The next call runs as a request with these headers (a Host and X-Forwarded-Proto, as Next.js sets them, come free). */
export function enterRequest(headers: Record<string, string> = {}): void {
  scope.headers = new Headers({ host: "sitrep.test", "x-forwarded-proto": "http", ...headers });
  scope.jar = new Map(
    (scope.headers.get("cookie") ?? "")
      .split(";")
      .map((pair) => pair.trim().split("=") as [string, string])
      .filter(([name, value]) => name && value),
  );
}

/** The cookies a call set, as the browser would keep them (a sign-in's session cookie, say). */
export function readSetCookies(): Map<string, string> {
  return new Map(scope.jar);
}

/**
 * A session cookie exactly as Auth.js issues it: an encrypted JWT naming the user and the
 * server-side session. `maxAgeSeconds` below zero makes one whose own expiry has passed.
 */
export async function createSessionCookie(user: { id: string; email: string }, sessionId: string, maxAgeSeconds = 12 * 60 * 60): Promise<string> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("Set AUTH_SECRET before creating session cookies.");
  const token = await encode({ token: { sub: user.id, sid: sessionId, email: user.email }, secret, salt: SESSION_COOKIE, maxAge: maxAgeSeconds });
  return `${SESSION_COOKIE}=${token}`;
}
