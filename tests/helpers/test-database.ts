import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { withDatabase } from "@/lib/database/embedded-postgres";

/**
 * Each test file gets a database of its own on the test server (DATABASE_URL's server, or the
 * embedded one that the global set-up started), so files never see each other's rows.
 */
export async function createTestDatabase(prefix = "sitrep_test"): Promise<{
  url: string;
  name: string;
  drop: () => Promise<void>;
}> {
  const serverUrl = inject("testServerUrl");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
