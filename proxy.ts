import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth-config";

// Pages need a session; API routes answer 401 themselves, so machines get JSON, not a redirect.
const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
