import type { NextAuthConfig } from "next-auth";
import { NextResponse } from "next/server";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-lifetime";

// Paths anyone may open; everything else under the app needs a session.
const PUBLIC_PATHS = [/^\/login$/, /^\/status\//, /^\/api\//];

/**
 * The part of the Auth.js configuration that the proxy needs: no database, no providers that
 * touch one. `lib/auth/auth.ts` adds the providers.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  logger: {
    // A wrong password is an expected event (audited as auth.sign_in_failed), not a stack trace.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin" || type === "AccessDenied") return;
      const cause = (error as { cause?: { err?: unknown } }).cause?.err ?? (error as { cause?: unknown }).cause;
      console.error(`[auth] ${type ?? error.name}: ${cause instanceof Error ? cause.message : error.message.split(". Read more")[0]}`);
    },
    warn(code) {
      if (code !== "debug-enabled") console.warn(`[auth] warning: ${code}`);
    },
    debug() {},
  },
  callbacks: {
    // A redirect, not `false`: with a handler wrapped in auth() (proxy.ts), Auth.js runs the
    // handler whatever a boolean says, so only a Response keeps signed-out visitors out.
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (PUBLIC_PATHS.some((re) => re.test(path)) || auth?.user) return true;
      const login = new URL("/login", request.nextUrl);
      login.searchParams.set("callbackUrl", request.nextUrl.href);
      return NextResponse.redirect(login);
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
