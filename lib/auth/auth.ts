import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/auth-config";
import { findOrCreateOidcUser } from "@/lib/auth/find-or-create-oidc-user";
import { startUserSession } from "@/lib/auth/start-user-session";
import { getDb } from "@/lib/db";
import { getEnv, isOidcEnabled } from "@/lib/env";
import { authenticateUser } from "@/lib/users/authenticate-user";

/** Too many failed attempts for this e-mail; the code reaches the sign-in form. */
class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

function buildProviders(): NextAuthConfig["providers"] {
  const env = getEnv();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials) => {
        const result = await authenticateUser(getDb(), { email: credentials.email, password: credentials.password });
        if (result.ok) return result.user;
        throw result.reason === "throttled" ? new SignInThrottled() : new CredentialsSignin();
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
