import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT } from "./e2e/fixtures/accounts";

// Debian's Chromium, never a downloaded browser; flags from STACK.md (no network here).
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const browser = { ...devices["Desktop Chrome"], launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs } };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", use: browser, teardown: "server log" },
    // After every other test, even failed ones: searches what the server printed for secrets (e2e/server-log.teardown.ts).
    { name: "server log", testMatch: /server-log\.teardown\.ts$/, use: browser },
  ],
  globalTeardown: "./e2e/global-teardown.ts",
  webServer: {
    command: "node_modules/.bin/tsx e2e/serve.ts",
    port: E2E_PORT,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
