import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth-config";
import { buildPageCsp, createNonce } from "@/lib/security/content-security-policy";

const { auth } = NextAuth(authConfig);

/**
 * Every page request: Auth.js first (its authorized callback answers a signed-out visitor with
 * the redirect to /login, and this handler never runs), then a fresh script nonce. The policy
 * goes on the request too: Next reads the nonce from it and puts it on its own inline scripts.
 */
export const proxy = auth((request) => {
  const nonce = createNonce();
  const policy = buildPageCsp(nonce, { isDevelopment: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // For a <Script> of our own one day: a server component reads it with headers().get("x-nonce").
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
});

export const config = {
  // API routes authenticate themselves (and webhooks should not pay for a session decode); they
  // and static files keep next.config.ts's static policy.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
