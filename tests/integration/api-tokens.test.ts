import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
});
afterAll(() => drop());

describe("API tokens", () => {
  it("returns the secret once and stores only its hash", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    const created = await createApiToken(admin, { name: "deploy-bot", role: "RESPONDER" });
    expect(created.token).toMatch(/^sitrep_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "token.create", targetId: created.id } });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(created.token);
    expect((await listApiTokens(admin)).map((t) => t.name)).toContain("deploy-bot");
  });

  it("authenticates as the token's role until revoked", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    const { token, id } = await createApiToken(admin, { name: "reader", role: "VIEWER" });
    expect(await authenticateToken(db, token, { what: "GET /api/incidents", requestId: "req-use-1" })).toMatchObject({ type: "token", id, role: "VIEWER" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    // Its use is audited with the lastUsedAt write, once a minute: the second call within the minute adds nothing.
    expect(await authenticateToken(db, token, { what: "GET /api/queue" })).not.toBeNull();
    // Requests racing past the in-memory check still claim the minute once.
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await Promise.all(Array.from({ length: 8 }, () => authenticateToken(db, token, { what: "GET /api/incidents?burst", requestId: "req-burst" })));
    expect(await db.auditEvent.count({ where: { action: "token.use", targetId: id, requestId: "req-burst" } })).toBe(1);
    expect(await db.auditEvent.findMany({ where: { action: "token.use", targetId: id, requestId: { not: "req-burst" } } })).toEqual([
      expect.objectContaining({ actorType: "token", actorId: id, requestId: "req-use-1", after: { role: "VIEWER", request: "GET /api/incidents" } }),
    ]);
    expect(await authenticateToken(db, `${token}x`)).toBeNull();
    expect(await authenticateToken(db, "not-a-token")).toBeNull();
    await revokeApiToken(admin, { tokenId: id });
    expect(await authenticateToken(db, token)).toBeNull();
  });

  it("stops working once expired", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    const { token, id } = await createApiToken(admin, { name: "short-lived", role: "VIEWER", expiresInDays: 1 });
    expect(await authenticateToken(db, token)).not.toBeNull();
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateToken(db, token)).toBeNull();
  });

  it("may only be managed by an ADMIN", async () => {
    const commander = await createActorCtx(db, "COMMANDER");
    await expect(createApiToken(commander, { name: "sneaky", role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listApiTokens(commander)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.apiToken.count({ where: { name: "sneaky" } })).toBe(0);
  });

  it("refuses a nameless token with a reason", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await expect(createApiToken(admin, { name: "  ", role: "VIEWER" })).rejects.toThrow(/Give the token a name/);
  });
});
