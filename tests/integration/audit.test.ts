import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { GENESIS_HASH, hashAuditEvent } from "@/lib/audit/hash-audit-event";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { verifyAuditLog } from "@/lib/audit/verify-audit-log";
import { recordPermissionDenial } from "@/lib/audit/record-permission-denial";
import { createDb } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { updateUserRole } from "@/lib/users/update-user-role";
import { correctIncidentMilestone } from "@/lib/incidents/correct-incident-milestone";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { classifyIncident } from "@/lib/incidents/classify-incident";
import { createShareLink } from "@/lib/stakeholder/create-share-link";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";

const run = promisify(execFile);
let db: Db;
let url: string;
let drop: () => Promise<void>;
let admin: Awaited<ReturnType<typeof createActorCtx>>;
let incidentKey: string;

function verifyCli() {
  return run("node_modules/.bin/tsx", ["scripts/sitrep.ts", "audit:verify"], { env: { ...process.env, DATABASE_URL: url }, timeout: 120_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
}

/** What an attacker with the table owner's rights could do: switch the triggers off for one statement. */
async function bypassTriggers(sql: string) {
  await db.$transaction([db.$executeRawUnsafe("SET LOCAL session_replication_role = replica"), db.$executeRawUnsafe(sql)]);
}

beforeAll(async () => {
  ({ db, url, drop } = await createMigratedDatabase());
  admin = await createActorCtx(db, "ADMIN");
  const user = await createUser(admin, { email: "someone@example.com", name: "Someone", role: "RESPONDER", password: "a long enough password" });
  await updateUserRole(admin, { userId: user.id, role: "COMMANDER" });
  const incident = await db.incident.create({ data: { title: "Checkout down", severity: "SEV1", startedAt: new Date("2026-11-30T10:00:00Z") } });
  incidentKey = formatIncidentKey(incident.number);
  const commander = await createActorCtx(db, "COMMANDER");
  await correctIncidentMilestone(commander, { key: incidentKey, milestone: "acknowledgedAt", at: "2026-11-30T10:05:00Z", reason: "paged by phone first" });
}, 60_000);
afterAll(() => drop());

describe("the audit log is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE, whoever asks", async () => {
    const victim = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role_change" } });
    await expect(db.auditEvent.update({ where: { id: victim.id }, data: { after: { role: "ADMIN" } } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: victim.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: victim.id } })).toEqual(victim);
  });
});

describe("filters and exports", () => {
  it("filters by actor, action, incident and time, a page at a time", async () => {
    const all = await listAuditEvents(admin, {});
    expect(all.events.map((e) => e.action)).toEqual(expect.arrayContaining(["user.create", "user.role_change", "incident.milestone_correct"]));
    expect((await listAuditEvents(admin, { actor: admin.actor.label })).events.map((e) => e.action).sort()).toEqual(["user.create", "user.role_change"]);
    expect((await listAuditEvents(admin, { action: "user." })).events.map((e) => e.action).sort()).toEqual(["user.create", "user.role_change"]);
    const forIncident = await listAuditEvents(admin, { incident: incidentKey.toLowerCase() });
    expect(forIncident.events).toHaveLength(1);
    expect(forIncident.events[0]).toMatchObject({ incidentKey, action: "incident.milestone_correct" });
    expect((await listAuditEvents(admin, { incident: "INC-999999" })).events).toHaveLength(0);
    expect((await listAuditEvents(admin, { to: "2020-01-01" })).events).toHaveLength(0);
    const newest = all.events[0]!;
    const minute = newest.at.toISOString().slice(0, 16);
    // "to" a minute covers the whole of it.
    expect((await listAuditEvents(admin, { to: minute })).events.map((e) => e.id)).toContain(newest.id);
    expect((await listAuditEvents(admin, { to: new Date(newest.at.getTime() - 60_000).toISOString() })).events.map((e) => e.id)).not.toContain(newest.id);
    expect((await listAuditEvents(admin, { from: new Date(Date.now() - 3_600_000).toISOString() })).events.length).toBe(all.events.length);
    const first = await listAuditEvents(admin, { limit: 2 });
    const second = await listAuditEvents(admin, { limit: 2, before: first.nextBefore! });
    expect(first.events).toHaveLength(2);
    expect([...first.events, ...second.events].map((e) => e.id)).toEqual(all.events.slice(0, 4).map((e) => e.id));
  });

  it("refuses what it cannot read and those who may not read it", async () => {
    await expect(listAuditEvents(admin, { from: "2026-12-02", to: "2026-12-01" })).rejects.toThrow(/ends before it starts/);
    await expect(listAuditEvents(admin, { before: "1; DROP TABLE" })).rejects.toThrow(/Not an event id/);
    await expect(listAuditEvents(admin, { before: "9999999999999999999" })).rejects.toThrow(/Not an event id/);
    await expect(listAuditEvents(admin, { from: "0000-01-01" })).rejects.toThrow(/from 1970 on/);
    for (const role of ["COMMANDER", "RESPONDER", "VIEWER"] as const) {
      const ctx = await createActorCtx(db, role);
      await expect(listAuditEvents(ctx, {})).rejects.toMatchObject({ code: "FORBIDDEN" } satisfies Partial<AppError>);
      await expect(verifyAuditLog(ctx)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportAuditEvents(ctx, { format: "csv", filter: {} }).next()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("lets an AUDITOR read and verify the log, and change nothing", async () => {
    const auditor = await createActorCtx(db, "AUDITOR");
    expect((await listAuditEvents(auditor, {})).events.length).toBeGreaterThan(0);
    expect(await verifyAuditLog(auditor)).toMatchObject({ ok: true });
    expect((await exportAuditEvents(auditor, { format: "jsonl", filter: {} }).next()).done).toBe(false);
    const incident = await db.incident.create({ data: { title: "Audited", severity: "SEV3", startedAt: new Date() } });
    const key = `INC-${incident.number}`;
    await expect(classifyIncident(auditor, { key, category: "outage", tags: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createShareLink(auditor, { key, label: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createApiToken(auditor, { name: "x", role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports JSON Lines a SIEM can re-verify, and CSV with one row per event", async () => {
    const count = await db.auditEvent.count();
    let jsonl = "";
    for await (const chunk of exportAuditEvents(admin, { format: "jsonl", filter: {} })) jsonl += chunk;
    const records = jsonl.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(records).toHaveLength(count);
    let prev = GENESIS_HASH;
    for (const r of records) {
      expect(r.prevHash).toBe(prev);
      const fields = { at: new Date(r.at), actorType: r.actorType, actorId: r.actorId, actorLabel: r.actorLabel, action: r.action, targetType: r.targetType, targetId: r.targetId, incidentId: r.incidentId, before: r.before, after: r.after, requestId: r.requestId };
      expect(hashAuditEvent(prev, fields)).toBe(r.hash);
      prev = r.hash;
    }
    let csv = "";
    for await (const chunk of exportAuditEvents(admin, { format: "csv", filter: { action: "user." } })) csv += chunk;
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,at,actor_type,/);
    expect(lines.slice(1).map((l) => l.split(",")[5])).toEqual(["user.create", "user.role_change"]);
  });
});

describe("permission denials", () => {
  it("are recorded once per actor and target a minute, with the permission, and never throw", async () => {
    const viewer = await createActorCtx(db, "VIEWER");
    for (let i = 0; i < 3; i += 1) await recordPermissionDenial(db, viewer.actor, { what: "GET /api/audit", permission: "audit.read", requestId: `r${i}` });
    await recordPermissionDenial(db, viewer.actor, { what: "audit.read", permission: "audit.read" });
    const rows = await db.auditEvent.findMany({ where: { action: "auth.permission_denied", actorId: viewer.actor.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.targetId, r.after])).toEqual([
      ["GET /api/audit", { role: "VIEWER", permission: "audit.read" }],
      ["audit.read", { role: "VIEWER", permission: "audit.read" }],
    ]);
    const closed = createDb("postgresql://postgres@127.0.0.1:1/none");
    await expect(recordPermissionDenial(closed, viewer.actor, { what: "x", permission: "audit.read" })).resolves.toBeUndefined();
  });
});

describe("the hash chain", () => {
  it("verifies, and names the first altered row when someone edits one behind the trigger's back", async () => {
    expect(await verifyAuditLog(admin)).toMatchObject({ ok: true });
    expect(await verifyCli()).toMatchObject({ code: 0, stdout: expect.stringContaining("Audit chain intact") });
    const victim = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role_change" } });
    await bypassTriggers(`UPDATE "AuditEvent" SET "after" = '{"role":"ADMIN"}' WHERE id = ${victim.id}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: victim.id.toString(), brokenEvent: { action: "user.role_change" }, reason: expect.stringContaining("altered") });
    const cli = await verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN at event #${victim.id} (user.role_change`);
    // Put it back: the chain holds again, then a removed row is found by the link of the one after it.
    await bypassTriggers(`UPDATE "AuditEvent" SET "after" = '${JSON.stringify(victim.after)}' WHERE id = ${victim.id}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    const next = await db.auditEvent.findFirstOrThrow({ where: { id: { gt: victim.id } }, orderBy: { id: "asc" } });
    await bypassTriggers(`DELETE FROM "AuditEvent" WHERE id = ${victim.id}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: next.id.toString(), reason: expect.stringContaining("removed") });
  }, 240_000);
});
