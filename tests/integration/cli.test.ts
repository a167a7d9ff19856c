import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { handleWebhookRequest } from "@/lib/ingest/handle-webhook-request";
import { rawEventPriority } from "@/lib/ingest/enqueue-raw-event";
import { QUEUES, getBoss, stopBoss } from "@/lib/jobs";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { createTestDatabase } from "../helpers/test-database";
import { readFixture, signPagerDuty } from "../helpers/webhooks";

const run = promisify(execFile);
let url: string;
let drop: () => Promise<void>;
let db: Db;

function sitrep(...args: string[]) {
  return run("node_modules/.bin/tsx", ["scripts/sitrep.ts", ...args], { env: { ...process.env, DATABASE_URL: url }, timeout: 120_000 });
}

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase("sitrep_cli"));
  db = createDb(url);
});
afterAll(async () => {
  await stopBoss();
  await db.$disconnect();
  await drop();
});

describe("npm run sitrep --", () => {
  it("db:migrate applies every migration through the offline Prisma CLI", async () => {
    await sitrep("db:migrate");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    await client.end();
    expect(rows[0].n).toBeGreaterThan(0);
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["User", "Incident", "AuditEvent", "ReportRevision"]));
  });

  it("user:create adds a user who can sign in, and prints a generated password once", async () => {
    const { stdout } = await sitrep("user:create", "--email", "ops@example.com", "--name", "Ops Person", "--role", "COMMANDER");
    const password = /Password \(shown once\): (\S+)/.exec(stdout)?.[1];
    expect(password).toBeDefined();
    expect(await authenticateUser(db, { email: "ops@example.com", password })).toMatchObject({ ok: true, user: { role: "COMMANDER" } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create" } });
    expect(audit.actorType).toBe("system");
    expect(audit.actorLabel).toMatch(/^cli \(/);
  });

  it("token:create prints a working token of the asked role on stdout", async () => {
    const { stdout, stderr } = await sitrep("token:create", "--role", "RESPONDER", "--name", "ci-bot");
    expect(stderr).toContain("shown once");
    expect(await authenticateToken(db, stdout.trim())).toMatchObject({ type: "token", role: "RESPONDER" });
  });

  it("events:replay re-processes stored deliveries and reports what it did", async () => {
    const { stdout } = await sitrep("events:replay", "--since", "24h");
    expect(stdout).toMatch(/^Replayed 0 stored deliveries: \{"total":0\}/m);
    await expect(sitrep("events:replay", "--since", "yesterday-ish")).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--since must be") });
    await expect(sitrep("events:replay", "--sender", "nagios")).rejects.toMatchObject({ stderr: expect.stringContaining("--sender must be one of") });
  });

  it("refuses bad input with a reason and a non-zero exit", async () => {
    await expect(sitrep("token:create", "--role", "ROOT", "--name", "x")).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("role") });
    await expect(sitrep("user:create", "--email", "ops@example.com", "--name", "Again", "--role", "VIEWER")).rejects.toMatchObject({
      stderr: expect.stringContaining("already exists"),
    });
    await expect(sitrep("frobnicate")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown command") });
  });

  it("workers runs ingest and drafting in a process of its own, for app instances with SITREP_WORKERS=off, and stops cleanly on SIGTERM", async () => {
    const secret = "pd-signing-secret-for-cli-test-01";
    await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: [secret] } });
    const child = spawn("node_modules/.bin/tsx", ["scripts/sitrep.ts", "workers"], {
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "a-test-secret-of-at-least-32-characters-long" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      // Accepted here, as a web instance with SITREP_WORKERS=off would: stored and queued, not processed.
      const body = readFixture("pagerduty", "01-triggered.json");
      const boss = await getBoss(url);
      const request = new Request("http://sitrep.test/api/webhooks/pagerduty", { method: "POST", headers: { "content-type": "application/json", "x-pagerduty-signature": signPagerDuty(body, secret) }, body: new Uint8Array(body) });
      const response = await handleWebhookRequest(request, "pagerduty", {
        db,
        enqueue: async (rawEventId, options) => void (await boss.send(QUEUES.processRawEvent, { rawEventId }, { priority: rawEventPriority(options ?? {}) })),
      });
      expect(response.status).toBe(202);
      const deadline = Date.now() + 60_000;
      let drafted = null;
      while (!drafted && Date.now() < deadline && child.exitCode === null) {
        drafted = await db.reportRevision.findFirst({ where: { kind: "report" }, include: { incident: { select: { title: true } } } });
        if (!drafted) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(stderr).toContain("background workers running");
      expect(await db.rawEvent.findFirstOrThrow({ select: { state: true } })).toEqual({ state: "processed" });
      expect(drafted, "no report drafted by the workers process within 60 s").not.toBeNull();
      expect(drafted!.incident.title.length).toBeGreaterThan(0);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 90_000);
});
