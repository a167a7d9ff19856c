import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrCreateOidcUser } from "@/lib/auth/find-or-create-oidc-user";
import type { Db } from "@/lib/db";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
});
afterAll(() => drop());

describe("findOrCreateOidcUser", () => {
  it("creates a first-time user with the default role, audited, and finds them next time", async () => {
    const created = await findOrCreateOidcUser(db, { email: "Sam@Corp.example", name: "Sam Lee", email_verified: true }, { defaultRole: "VIEWER" });
    expect(created).toMatchObject({ email: "sam@corp.example", name: "Sam Lee", role: "VIEWER", passwordHash: null });
    const again = await findOrCreateOidcUser(db, { email: "sam@corp.example", name: "Other Name", email_verified: true }, { defaultRole: "ADMIN" });
    expect(again?.id).toBe(created?.id);
    expect(again?.role).toBe("VIEWER");
    expect(await db.auditEvent.count({ where: { action: "user.create", targetId: created!.id } })).toBe(1);
  });

  it("matches an existing password user by e-mail and keeps their role", async () => {
    const existing = await db.user.create({ data: { email: "ic@corp.example", name: "IC", role: "COMMANDER" } });
    expect((await findOrCreateOidcUser(db, { email: "IC@corp.example", email_verified: true }, { defaultRole: "VIEWER" }))?.id).toBe(existing.id);
  });

  it("never matches or creates a user from an unverified e-mail", async () => {
    const admin = await db.user.create({ data: { email: "boss@corp.example", name: "Boss", role: "ADMIN" } });
    expect(await findOrCreateOidcUser(db, { email: "boss@corp.example" }, { defaultRole: "VIEWER" })).toBeNull();
    expect(await findOrCreateOidcUser(db, { email: "boss@corp.example", email_verified: false }, { defaultRole: "VIEWER" })).toBeNull();
    expect(await findOrCreateOidcUser(db, { email: "new@corp.example", email_verified: "no" }, { defaultRole: "VIEWER" })).toBeNull();
    expect(await db.user.count({ where: { email: "new@corp.example" } })).toBe(0);
    expect((await findOrCreateOidcUser(db, { email: "boss@corp.example", email_verified: true }, { defaultRole: "VIEWER" }))?.id).toBe(admin.id);
  });

  it("refuses a disabled account and a profile without a usable e-mail", async () => {
    await db.user.create({ data: { email: "gone@corp.example", name: "Gone", role: "ADMIN", disabledAt: new Date() } });
    expect(await findOrCreateOidcUser(db, { email: "gone@corp.example", email_verified: true }, { defaultRole: "VIEWER" })).toBeNull();
    expect(await findOrCreateOidcUser(db, { email: null, email_verified: true }, { defaultRole: "VIEWER" })).toBeNull();
    expect(await findOrCreateOidcUser(db, { email: "not an e-mail", email_verified: true }, { defaultRole: "VIEWER" })).toBeNull();
    expect(await db.user.count({ where: { email: "not an e-mail" } })).toBe(0);
  });
});
