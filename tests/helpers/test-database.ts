import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDatabaseIfMissing, dropDatabase } from "@/lib/database/admin-database";
import { withDatabase } from "@/lib/database/database-url";

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
  await createDatabaseIfMissing(serverUrl, name);
  return { url: withDatabase(serverUrl, name), name, drop: () => dropDatabase(serverUrl, name) };
}
