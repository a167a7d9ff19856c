import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { getIncident } from "@/lib/incidents/get-incident";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;
let keys: string[];

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  ({ incidentKeys: keys } = await seedDemo(db, { password: "seed-password-for-tests" }));
});
afterAll(() => drop());

describe("demo seed", () => {
  it("creates the demo accounts and incidents, and re-seeding replaces rather than duplicates", async () => {
    expect(keys).toHaveLength(2);
    const again = await seedDemo(db, { password: "seed-password-for-tests" });
    expect(again.credentials.map((c) => [c.email, c.role])).toEqual([
      ["admin@sitrep.local", "ADMIN"],
      ["ic@sitrep.local", "COMMANDER"],
    ]);
    // Two live demo incidents and a history of resolved, reported ones for the insights page, each once.
    expect(await db.incident.count({ where: { tags: { has: "demo" } } })).toBe(2);
    expect(await db.incident.count({ where: { tags: { has: "demo-history" } } })).toBe(36);
    expect(await db.incident.count()).toBe(38);
    expect(await db.delivery.count({ where: { status: "sent" } })).toBe(36);
    expect(await db.user.count({ where: { email: { endsWith: "@sitrep.local" } } })).toBe(3);
    keys = again.incidentKeys;
  });
});

describe("listIncidents", () => {
  it("filters by status, severity and search, newest first", async () => {
    // Only the two live demo incidents, without the insights history.
    await db.incident.deleteMany({ where: { tags: { has: "demo-history" } } });
    const viewer = await createActorCtx(db, "VIEWER");
    const all = await listIncidents(viewer);
    expect(all.map((i) => i.title)).toEqual(["Checkout API returning 502s", "Elevated search latency in eu-west-1"]);
    expect((await listIncidents(viewer, { severity: "SEV4" })).map((i) => i.title)).toEqual(["Elevated search latency in eu-west-1"]);
    expect((await listIncidents(viewer, { open: "true" })).map((i) => i.status)).toEqual(["monitoring"]);
    expect((await listIncidents(viewer, { q: "checkout" })).map((i) => i.key)).toEqual([all[0]!.key]);
    expect((await listIncidents(viewer, { q: "payments" })).map((i) => i.key)).toEqual([all[0]!.key]);
    expect(await listIncidents(viewer, { status: "triggered,investigating" })).toEqual([]);
    // Both filters apply: resolved and open at once matches nothing.
    expect(await listIncidents(viewer, { status: "resolved", open: "true" })).toEqual([]);
  });

  it("rejects filters it does not understand", async () => {
    const viewer = await createActorCtx(db, "VIEWER");
    await expect(listIncidents(viewer, { severity: "SEV9" })).rejects.toThrow(/severity/);
    await expect(listIncidents(viewer, { limit: "100000" })).rejects.toThrow(/limit/);
  });
});

describe("getIncident", () => {
  it("gives responders the evidence timeline in time order", async () => {
    const responder = await createActorCtx(db, "RESPONDER");
    const incident = await getIncident(responder, { key: keys[0]! });
    expect(incident.title).toBe("Checkout API returning 502s");
    expect(incident.timeline).toHaveLength(11);
    const times = incident.timeline!.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(incident.timeline!.filter((e) => e.authorType === "human").map((e) => e.author?.name)).toContain("Dana Whitfield");
  });

  it("never gives a VIEWER raw evidence", async () => {
    const viewer = await createActorCtx(db, "VIEWER");
    const incident = await getIncident(viewer, { key: keys[0]! });
    expect(incident.timeline).toBeNull();
  });

  it("answers NOT_FOUND for unknown or malformed keys", async () => {
    const viewer = await createActorCtx(db, "VIEWER");
    await expect(getIncident(viewer, { key: "INC-9999" })).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(getIncident(viewer, { key: "'; DROP TABLE" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
