import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { createDatabaseIfMissing } from "@/lib/database/admin-database";
import { withDatabase } from "@/lib/database/database-url";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/database/embedded-postgres";
import { migrateDatabase } from "@/lib/database/prepare-database";

export type FaultDatabase = {
  /** Connection URL of the server's `postgres` maintenance database. */
  serverUrl: string;
  /** A migrated database on that server (`prisma migrate deploy`); its connection URL. */
  createDatabase: (name: string) => Promise<string>;
  /** A copy of a database nobody is connected to yet (PostgreSQL's template copy: quicker than migrating again). */
  copyDatabase: (source: string, name: string) => Promise<string>;
  /** A fast shutdown (every connection is cut), then the same data directory started again. */
  restart: (downMs: number) => Promise<void>;
  stop: () => Promise<void>;
  /** Stops the server and removes its data directory. */
  destroy: () => Promise<void>;
};

/**
 * A PostgreSQL of the test's own (embedded, in .data/faults/<random>), so the test may stop it
 * while the app runs, without touching any other test's server.
 */
export async function startFaultDatabase(port: number): Promise<FaultDatabase> {
  const dataDir = path.resolve(".data/faults", randomBytes(6).toString("hex"));
  let server: EmbeddedServer = await startEmbeddedPostgres({ dataDir, port });
  if (!server.isOwner) throw new Error(`Port ${port} already serves a PostgreSQL: a fault test needs its own.`);
  return {
    serverUrl: server.serverUrl,
    async createDatabase(name) {
      await createDatabaseIfMissing(server.serverUrl, name);
      const url = withDatabase(server.serverUrl, name);
      await migrateDatabase(url, { quiet: true });
      return url;
    },
    async copyDatabase(source, name) {
      const client = new pg.Client({ connectionString: server.serverUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(source)}`);
      } finally {
        await client.end();
      }
      return withDatabase(server.serverUrl, name);
    },
    async restart(downMs) {
      await server.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await startEmbeddedPostgres({ dataDir, port });
    },
    stop: () => server.stop(),
    async destroy() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.password`, { force: true });
    },
  };
}
