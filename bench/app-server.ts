import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createDatabaseIfMissing, dropDatabase } from "@/lib/database/admin-database";
import { withDatabase } from "@/lib/database/database-url";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { migrateDatabase } from "@/lib/database/prepare-database";

export const BENCH_PAGERDUTY_SECRET = "bench-pagerduty-signing-secret-000";
export const BENCH_PASSWORD = "bench-password-not-for-production";

export type BenchDatabase = { url: string; serverUrl: string; drop: () => Promise<void> };

/** A fresh, migrated database on DATABASE_URL's server (else the embedded test server), dropped afterwards. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const server = process.env.DATABASE_URL
    ? { serverUrl: withDatabase(process.env.DATABASE_URL, "postgres"), stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: ".data/test-postgres", port: 54330 });
  const name = `sitrep_bench_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(server.serverUrl, name);
  const url = withDatabase(server.serverUrl, name);
  await migrateDatabase(url, { quiet: true });
  return {
    url,
    serverUrl: server.serverUrl,
    drop: async () => {
      await dropDatabase(server.serverUrl, name);
      await server.stop();
    },
  };
}

export type BenchApp = { baseUrl: string; workers: BenchWorkers; stop: () => Promise<void> };
/** "separate": the web instance runs with SITREP_WORKERS=off beside `sitrep workers` (as deployed); "in-process": one process does both. */
export type BenchWorkers = "separate" | "in-process";

export const benchWorkers = (): BenchWorkers => (process.env.BENCH_WORKERS === "in-process" ? "in-process" : "separate");

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** The production build (`next start`) on the given database, with its background workers in their own process or in the app's. */
export async function startBenchApp(databaseUrl: string, port = 3400, extraEnv: Record<string, string> = {}, workers = benchWorkers()): Promise<BenchApp> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=.data/profiles") profiles the server under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    // The bench process signs share links with the same secret (lib/stakeholder/share-token.ts).
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    PAGERDUTY_WEBHOOK_SECRETS: BENCH_PAGERDUTY_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    SITREP_WORKERS: workers === "separate" ? "off" : "on",
    ...extraEnv,
  };
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port)], { stdio: ["ignore", "ignore", "inherit"], env });
  const workerProcess = workers === "separate" ? spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/sitrep.ts", "workers"], { stdio: ["ignore", "ignore", "inherit"], env }) : null;
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (workerProcess && workerProcess.exitCode !== null) throw new Error(`sitrep workers exited with ${workerProcess.exitCode}`);
    const ok = await fetch(`${baseUrl}/login`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    workers,
    stop: async () => {
      await stopChild(child);
      if (workerProcess) await stopChild(workerProcess);
    },
  };
}
