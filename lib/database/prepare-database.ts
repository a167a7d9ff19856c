import { spawn } from "node:child_process";
import path from "node:path";
import { createDatabaseIfMissing } from "@/lib/database/admin-database";
import { withDatabase } from "@/lib/database/database-url";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { parseStartupEnv } from "@/lib/env";

export const EMBEDDED_DATA_DIR = ".data/postgres";
export const EMBEDDED_DATABASE = "sitrep";

export type PreparedDatabase = {
  url: string;
  /** True when this call created the database: the first start of a fresh embedded server. */
  isFresh: boolean;
  isEmbedded: boolean;
  stop: () => Promise<void>;
};

/**
 * DATABASE_URL when set (nothing is started); otherwise the embedded PostgreSQL under .data/,
 * started and given a `sitrep` database on first use.
 */
export async function prepareDatabase(options: { log?: (line: string) => void } = {}): Promise<PreparedDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, isFresh: false, isEmbedded: false, stop: async () => {} };
  const port = parseStartupEnv(process.env).EMBEDDED_POSTGRES_PORT;
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port });
  options.log?.(
    server.isOwner
      ? `Embedded PostgreSQL ${server.isNew ? "initialised and " : ""}started on 127.0.0.1:${port} (data in ${EMBEDDED_DATA_DIR}).`
      : `Reusing the embedded PostgreSQL already running on 127.0.0.1:${port}.`,
  );
  const isFresh = await createDatabaseIfMissing(server.serverUrl, EMBEDDED_DATABASE);
  return { url: withDatabase(server.serverUrl, EMBEDDED_DATABASE), isFresh, isEmbedded: true, stop: server.stop };
}

/** Applies committed migrations with the stock Prisma CLI (offline through the engine bridge). */
export function migrateDatabase(url: string, options: { quiet?: boolean } = {}): Promise<void> {
  const prisma = path.resolve("node_modules/.bin/prisma");
  return new Promise((resolve, reject) => {
    const child = spawn(prisma, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code})\n${output}`))));
  });
}
