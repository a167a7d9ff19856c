import path from "node:path";
import { defineConfig } from "vitest/config";

// The fault suite (`npm run test:faults`): each file starts its own PostgreSQL and the production
// build, then breaks them. Files run one at a time in one fork, since they start servers.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    globalSetup: ["tests/faults/helpers/check-build.ts"],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
