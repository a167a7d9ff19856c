import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth-config";

// Pages need a session; API routes answer 401 themselves, so machines get JSON, not a redirect.
const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  // API routes authenticate themselves (and webhooks should not pay for a session decode).
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
