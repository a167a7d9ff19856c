import { existsSync, readFileSync, rmSync } from "node:fs";
import { dropDatabase } from "@/lib/database/admin-database";
import { E2E_DATABASE_FILE } from "./fixtures/accounts";

/** Drops the database e2e/serve.ts created (FORCE closes the still-running server's connections). */
export default async function globalTeardown() {
  if (!existsSync(E2E_DATABASE_FILE)) return;
  const { serverUrl, name } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { serverUrl: string; name: string };
  try {
    await dropDatabase(serverUrl, name);
  } finally {
    rmSync(E2E_DATABASE_FILE, { force: true });
  }
}
