import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authenticateUser, MAX_FAILED_ATTEMPTS, THROTTLE_WINDOW_MS } from "@/lib/users/authenticate-user";
import { createUser } from "@/lib/users/create-user";
import { updateUserRole } from "@/lib/users/update-user-role";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
});
afterAll(() => drop());

describe("createUser", () => {
  it("stores a bcrypt hash, never the password, and audits the change in the same transaction", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    const user = await createUser(admin, { email: " New.Person@Example.com ", name: "New Person", role: "RESPONDER", password: "correct horse battery" });
    expect(user.email).toBe("new.person@example.com");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(JSON.stringify(row)).not.toContain("correct horse battery");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create", targetId: user.id } });
    expect(audit.actorId).toBe(admin.actor.id);
    expect(audit.after).toEqual({ email: "new.person@example.com", name: "New Person", role: "RESPONDER" });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain("correct horse battery");
  });

  it("refuses a duplicate e-mail with a conflict and writes nothing", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await createUser(admin, { email: "dup@example.com", name: "A", role: "VIEWER", password: "a-long-password-1" });
    const before = await db.auditEvent.count();
    await expect(createUser(admin, { email: "DUP@example.com", name: "B", role: "VIEWER", password: "a-long-password-2" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("is forbidden to every role but ADMIN", async () => {
    for (const role of ["COMMANDER", "RESPONDER", "VIEWER"] as const) {
      const ctx = await createActorCtx(db, role);
      const attempt = createUser(ctx, { email: `x-${role}@example.com`, name: "X", role: "ADMIN", password: "a-long-password-3" });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
      expect(await db.user.findUnique({ where: { email: `x-${role}@example.com` } })).toBeNull();
    }
  });

  it("rejects a short password with a reason", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await expect(createUser(admin, { email: "short@example.com", name: "S", role: "VIEWER", password: "short" })).rejects.toThrow(/at least 12 characters/);
  });
});

describe("updateUserRole", () => {
  it("changes the role with before and after in the audit log", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    const target = await createActorCtx(db, "VIEWER");
    await updateUserRole(admin, { userId: target.actor.id, role: "COMMANDER" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.actor.id } })).role).toBe("COMMANDER");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role_change", targetId: target.actor.id } });
    expect(audit.before).toEqual({ role: "VIEWER" });
    expect(audit.after).toEqual({ role: "COMMANDER" });
  });

  it("never demotes the last ADMIN", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "RESPONDER" } });
    const admin = await createActorCtx(db, "ADMIN");
    await expect(updateUserRole(admin, { userId: admin.actor.id, role: "VIEWER" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.actor.id } })).role).toBe("ADMIN");
  });

  it("keeps one ADMIN even when two demote each other at the same moment", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "RESPONDER" } });
    const a = await createActorCtx(db, "ADMIN");
    const b = await createActorCtx(db, "ADMIN");
    const results = await Promise.allSettled([updateUserRole(a, { userId: b.actor.id, role: "VIEWER" }), updateUserRole(b, { userId: a.actor.id, role: "VIEWER" })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await expect(updateUserRole(admin, { userId: "nope", role: "VIEWER" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("authenticateUser", () => {
  it("accepts the right password, refuses a wrong one or a disabled account, and audits both", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    const user = await createUser(admin, { email: "signin@example.com", name: "Sig", role: "COMMANDER", password: "the-right-password" });
    const invalid = { ok: false, reason: "invalid" };
    expect(await authenticateUser(db, { email: "SIGNIN@example.com", password: "the-right-password" })).toMatchObject({ ok: true, user: { id: user.id, role: "COMMANDER" } });
    expect(await authenticateUser(db, { email: "signin@example.com", password: "the-wrong-password" })).toEqual(invalid);
    expect(await authenticateUser(db, { email: "nobody@example.com", password: "the-right-password" })).toEqual(invalid);
    expect(await authenticateUser(db, { email: 42, password: undefined })).toEqual(invalid);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await authenticateUser(db, { email: "signin@example.com", password: "the-right-password" })).toEqual(invalid);

    const events = await db.auditEvent.findMany({ where: { action: { startsWith: "auth." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorLabel])).toEqual([
      ["auth.sign_in", "signin@example.com"],
      ["auth.sign_in_failed", "signin@example.com"],
      ["auth.sign_in_failed", "nobody@example.com"],
      ["auth.sign_in_failed", "(invalid e-mail)"],
      ["auth.sign_in_failed", "signin@example.com"],
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
  });

  it("counts parallel guesses one by one", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await createUser(admin, { email: "parallel@example.com", name: "P", role: "VIEWER", password: "the-right-password" });
    const guesses = await Promise.all(Array.from({ length: MAX_FAILED_ATTEMPTS + 5 }, (_, i) => authenticateUser(db, { email: "parallel@example.com", password: `guess-${i}` })));
    expect(guesses.filter((g) => !g.ok && g.reason === "throttled")).toHaveLength(5);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", actorLabel: "parallel@example.com" } })).toBe(MAX_FAILED_ATTEMPTS);
  });

  it("refuses every attempt, even the right password, after too many failures for one e-mail", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await createUser(admin, { email: "target@example.com", name: "T", role: "VIEWER", password: "the-right-password" });
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i += 1) {
      expect(await authenticateUser(db, { email: "target@example.com", password: `guess-${i}` })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticateUser(db, { email: "target@example.com", password: "the-right-password" })).toMatchObject({ ok: false, reason: "throttled", scope: "account" });
    expect(await authenticateUser(db, { email: "target@example.com", password: "the-right-password" })).toMatchObject({ ok: false, reason: "throttled", scope: "account" });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_throttled", actorLabel: "target@example.com" } })).toBe(1);
    // Once the window has passed, the right password works again.
    const later = new Date(Date.now() + THROTTLE_WINDOW_MS + 1000);
    expect(await authenticateUser(db, { email: "target@example.com", password: "the-right-password" }, { now: later })).toMatchObject({ ok: true });
  });
});
