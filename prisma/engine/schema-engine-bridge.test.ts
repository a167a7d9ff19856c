import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "@/lib/database/database-url";
import { createTestDatabase } from "../../tests/helpers/test-database";

/**
 * Runs the real Prisma CLI against the bridge, in a scratch project with its own schema, the way
 * a developer would: every step checks exit codes, files written and the database itself.
 */

const repoRoot = path.resolve(import.meta.dirname, "../..");
const bridge = path.join(repoRoot, "prisma/engine/schema-engine-bridge.mjs");
const prismaCli = path.join(repoRoot, "node_modules/.bin/prisma");

const CONFIG = `import { defineConfig } from "prisma/config";
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(bridge)};
`;

const HEADER = `generator client {
  provider = "prisma-client"
  output   = "../generated"
}

datasource db {
  provider = "postgresql"
}
`;
const USER_MODEL = `
model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  name  String
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}
`;
const ENUM_MODEL = `
enum Severity {
  LOW
  HIGH
}

model Incident {
  id       Int      @id @default(autoincrement())
  severity Severity @default(LOW)
}
`;

type Run = { code: number; stdout: string; stderr: string };

let workDir: string;
let serverUrl: string;
let main: Awaited<ReturnType<typeof createTestDatabase>>;
let deployUrl: string;
let shadowsBefore: string[];

function prisma(url: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATABASE_URL: url, PRISMA_SCHEMA_ENGINE_BINARY: bridge, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
    execFile(prismaCli, args, { cwd: workDir, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tablesIn = async (url: string) =>
  (await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((r) => r.table_name);
const appliedMigrations = async (url: string) =>
  (await query<{ migration_name: string }>(url, "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name")).map(
    (r) => r.migration_name,
  );
const shadowDatabases = async () =>
  (await query<{ datname: string }>(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'")).map((r) => r.datname);
const writeSchema = (models: string) => writeFile(path.join(workDir, "prisma/schema.prisma"), HEADER + models);
const migrationDirs = async () => (await readdir(path.join(workDir, "prisma/migrations"), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
/** Output as a user reads it: stdout then stderr, colours stripped. */
const output = (run: Run) => (run.stdout + run.stderr).replace(/\x1b\[[0-9;]*m/g, "");

beforeAll(async () => {
  serverUrl = inject("testServerUrl");
  shadowsBefore = await shadowDatabases();
  main = await createTestDatabase("bridge_test");
  deployUrl = withDatabase(serverUrl, `${main.name}_deploy`); // deliberately not created: deploy must create it
  workDir = await mkdtemp(path.join(os.tmpdir(), "schema-engine-bridge-"));
  await mkdir(path.join(workDir, "prisma"));
  // The scratch project's prisma.config.ts imports "prisma/config" from here.
  await symlink(path.join(repoRoot, "node_modules"), path.join(workDir, "node_modules"), "dir");
  await writeFile(path.join(workDir, "prisma.config.ts"), CONFIG);
});

afterAll(async () => {
  await main?.drop();
  if (serverUrl && main) await query(serverUrl, `DROP DATABASE IF EXISTS "${main.name}_deploy" WITH (FORCE)`);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("the Prisma CLI through the schema engine bridge", { timeout: 60_000 }, () => {
  it("migrate dev --name init creates the first migration and applies it", async () => {
    await writeSchema(USER_MODEL);
    const run = await prisma(main.url, "migrate", "dev", "--name", "init");
    expect(run.code, output(run)).toBe(0);
    const [init] = await migrationDirs();
    expect(init).toMatch(/^\d{14}_init$/);
    const sql = await readFile(path.join(workDir, "prisma/migrations", init!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "User"');
    expect(sql).toContain('ADD CONSTRAINT "Post_authorId_fkey"');
    expect(await tablesIn(main.url)).toEqual(expect.arrayContaining(["User", "Post", "_prisma_migrations"]));
    expect(await appliedMigrations(main.url)).toEqual([init]);
  });

  it("migrate dev --name second replays history on a real shadow database and adds an enum", async () => {
    // The shadow replays "init"; were it the main database, CREATE TABLE "User" would collide.
    // Diffing enums and foreign keys reads pg_catalog's "char" columns.
    await writeSchema(USER_MODEL + ENUM_MODEL);
    const run = await prisma(main.url, "migrate", "dev", "--name", "second");
    expect(run.code, output(run)).toBe(0);
    const dirs = await migrationDirs();
    expect(dirs).toHaveLength(2);
    const sql = await readFile(path.join(workDir, "prisma/migrations", dirs[1]!, "migration.sql"), "utf8");
    expect(sql).toContain(`CREATE TYPE "Severity" AS ENUM ('LOW', 'HIGH')`);
    expect(sql).not.toContain('CREATE TABLE "User"');
    expect(await tablesIn(main.url)).toContain("Incident");
    expect(await query(main.url, "SELECT 1 FROM pg_type WHERE typname = 'Severity'")).toHaveLength(1);
    expect(await appliedMigrations(main.url)).toEqual(dirs);
  });

  it("migrate dev warns about data loss and, without a terminal to confirm, changes nothing", async () => {
    await query(main.url, `INSERT INTO "User" (email, name) VALUES ('a@example.com', 'A')`);
    await writeSchema(USER_MODEL.replace("  name  String\n", "") + ENUM_MODEL);
    const run = await prisma(main.url, "migrate", "dev", "--name", "drop_name");
    expect(run.code).not.toBe(0);
    expect(output(run)).toContain("You are about to drop the column `name` on the `User` table, which still contains 1 non-null values.");
    expect(output(run)).toContain("non-interactive");
    expect(await migrationDirs()).toHaveLength(2);
    expect(await query(main.url, `SELECT name FROM "User"`)).toEqual([{ name: "A" }]);
    await writeSchema(USER_MODEL + ENUM_MODEL);
  });

  it("migrate status reports the database up to date", async () => {
    const run = await prisma(main.url, "migrate", "status");
    expect(run.code, output(run)).toBe(0);
    expect(output(run)).toContain("2 migrations found");
    expect(output(run)).toContain("Database schema is up to date!");
  });

  it("migrate diff --from-empty --to-schema --script prints the SQL", async () => {
    const run = await prisma(main.url, "migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script");
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain('CREATE TABLE "Incident"');
    expect(run.stdout).toContain(`CREATE TYPE "Severity" AS ENUM ('LOW', 'HIGH')`);
  });

  it("migrate reset --force empties the database and re-applies every migration", async () => {
    const run = await prisma(main.url, "migrate", "reset", "--force");
    expect(run.code, output(run)).toBe(0);
    expect(await query(main.url, `SELECT * FROM "User"`)).toEqual([]);
    expect(await appliedMigrations(main.url)).toEqual(await migrationDirs());
  });

  it("migrate deploy creates a missing database and applies every migration", async () => {
    const run = await prisma(deployUrl, "migrate", "deploy");
    expect(run.code, output(run)).toBe(0);
    expect(output(run)).toContain(`database ${main.name}_deploy created`);
    expect(await tablesIn(deployUrl)).toEqual(expect.arrayContaining(["User", "Post", "Incident"]));
    expect(await appliedMigrations(deployUrl)).toEqual(await migrationDirs());
  });

  it("migrate deploy sends a migration as one script: intact, and all or nothing", async () => {
    // A `;` inside a function body must reach PostgreSQL intact, and a failing statement must
    // take the statements before it down with it, as with the native engine.
    const dir = path.join(workDir, "prisma/migrations/20990101000000_broken");
    await mkdir(dir);
    await writeFile(
      path.join(dir, "migration.sql"),
      `CREATE TABLE "Half" (id int);\nCREATE FUNCTION one() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;\nSELECT 1 / 0;\n`,
    );
    try {
      const run = await prisma(deployUrl, "migrate", "deploy");
      expect(run.code).not.toBe(0);
      expect(output(run)).toMatch(/division by zero/i);
      expect(await tablesIn(deployUrl)).not.toContain("Half");
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it("generate writes the client", async () => {
    const run = await prisma(main.url, "generate");
    expect(run.code, output(run)).toBe(0);
    expect(existsSync(path.join(workDir, "generated/client.ts"))).toBe(true);
  });

  it("reports an unreachable server as P1001, promptly", async () => {
    const started = Date.now();
    const run = await prisma("postgresql://postgres@127.0.0.1:1/nowhere", "migrate", "status");
    expect(run.code).not.toBe(0);
    expect(output(run)).toContain("P1001");
    expect(output(run)).toContain("Can't reach database server at `127.0.0.1:1`");
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("leaves no shadow database behind", async () => {
    // Other test runs may be mid-migration on the same server: only a newcomer that stays counts.
    const newcomers = async () => (await shadowDatabases()).filter((name) => !shadowsBefore.includes(name));
    for (let attempt = 0; attempt < 10 && (await newcomers()).length > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(await newcomers()).toEqual([]);
  });
});
