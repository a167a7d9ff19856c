import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    // The fault suite has its own config (vitest.faults.config.ts) and needs the production build.
    exclude: [...configDefaults.exclude, "tests/faults/**"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Auth.js imports next/headers without an extension, which only a bundler resolves; inlined, the
    // security tests can also hand it a request's headers (tests/helpers/security/request-scope.ts).
    server: { deps: { inline: ["next-auth"] } },
  },
});
