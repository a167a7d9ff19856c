import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db";
import { createTestDatabase } from "./test-database";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

/**
 * A fresh database with every committed migration applied (the same SQL `prisma migrate deploy`
 * runs), and a Prisma client on it. Each test file calls this once, so files never share rows.
 */
export async function createMigratedDatabase(): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const dirs = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    for (const dir of dirs) await client.query(readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8"));
  } finally {
    await client.end();
  }
  const db = createDb(database.url);
  return {
    db,
    url: database.url,
    drop: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}
