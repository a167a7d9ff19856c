import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/auth-config";
import { describeSignInThrottle } from "@/lib/auth/sign-in-limits";
import { findOrCreateOidcUser } from "@/lib/auth/find-or-create-oidc-user";
import { startUserSession } from "@/lib/auth/start-user-session";
import { getDb } from "@/lib/db";
import { getEnv, isOidcEnabled } from "@/lib/env";
import type { AppError } from "@/lib/errors";
import { findClientIp } from "@/lib/http/client-ip";
import { authenticateUser } from "@/lib/users/authenticate-user";

/** Too many attempts for this e-mail or from this IP; the sign-in form shows `refusal` (RATE_LIMITED) with when to retry. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly refusal: AppError) {
    super(refusal.message);
  }
}

function buildProviders(): NextAuthConfig["providers"] {
  const env = getEnv();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => {
        const ip = findClientIp(request.headers, env.TRUST_PROXY);
        const limits = { account: env.SIGN_IN_ACCOUNT_LIMIT, ip: env.SIGN_IN_IP_LIMIT };
        const result = await authenticateUser(getDb(), { email: credentials.email, password: credentials.password, ip }, { limits });
        if (result.ok) return result.user;
        throw result.reason === "throttled" ? new SignInThrottled(describeSignInThrottle(result, new Date())) : new CredentialsSignin();
      },
    }),
  ];
  if (isOidcEnabled(env)) {
    providers.push({
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oidc",
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
    });
  }
  return providers;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  providers: buildProviders(),
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const user = await findOrCreateOidcUser(getDb(), { email: profile?.email, name: profile?.name, email_verified: profile?.email_verified }, { defaultRole: getEnv().OIDC_DEFAULT_ROLE });
      return user !== null;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc") {
        const dbUser = await findOrCreateOidcUser(getDb(), { email: profile?.email, name: profile?.name, email_verified: profile?.email_verified }, { defaultRole: getEnv().OIDC_DEFAULT_ROLE });
        if (dbUser) {
          token.sub = dbUser.id;
          token.sid = await startUserSession(getDb(), dbUser.id, { via: { provider: "oidc", email: dbUser.email } });
        }
        return token;
      }
      const next = authConfig.callbacks.jwt({ token, user });
      // A sign-in (user is set only then) starts a server-side session the cookie points at.
      if (user?.id) next.sid = await startUserSession(getDb(), user.id);
      return next;
    },
  },
}));
