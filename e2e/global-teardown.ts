import { existsSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { E2E_DATABASE_FILE } from "./fixtures/accounts";

/** Drops the database e2e/serve.ts created (FORCE closes the still-running server's connections). */
export default async function globalTeardown() {
  if (!existsSync(E2E_DATABASE_FILE)) return;
  const { serverUrl, name } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { serverUrl: string; name: string };
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
    rmSync(E2E_DATABASE_FILE, { force: true });
  }
}
