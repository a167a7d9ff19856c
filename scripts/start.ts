import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { migrateDatabase, prepareDatabase } from "@/lib/database/prepare-database";
import { createDb } from "@/lib/db";
import { EnvError, parseEnv } from "@/lib/env";
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

async function main(): Promise<void> {
  const database = await prepareDatabase({ log: (line) => console.log(`[sitrep] ${line}`) });
  process.env.DATABASE_URL = database.url;
  if (database.isEmbedded) ensureLocalAuthSecret();
  try {
    parseEnv(process.env);
  } catch (error) {
    await database.stop();
    if (error instanceof EnvError) {
      console.error(`[sitrep] ${error.message}\nSee the environment table in README.md.`);
      process.exit(1);
    }
    throw error;
  }
  await migrateDatabase(database.url, { quiet: true });
  console.log("[sitrep] Database migrated.");
  if (database.isFresh) {
    const db = createDb(database.url);
    const { credentials } = await seedDemo(db, { password: process.env.DEMO_PASSWORD });
    await db.$disconnect();
    console.log(formatCredentials(credentials));
  }

  const port = process.env.PORT ?? "3000";
  const child: ChildProcess = spawn("node_modules/.bin/next", [mode, "-p", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error("[sitrep] Could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
