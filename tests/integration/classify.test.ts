import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { classifyIncident } from "@/lib/incidents/classify-incident";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { listTagSuggestions } from "@/lib/incidents/list-tag-suggestions";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;
let key: string;
let incidentId: string;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  const incident = await db.incident.create({ data: { title: "Card payments failing", severity: "SEV2", startedAt: new Date(), tags: ["payments"] } });
  await db.incident.create({ data: { title: "Older one", severity: "SEV4", startedAt: new Date(), tags: ["payments", "checkout"] } });
  key = formatIncidentKey(incident.number);
  incidentId = incident.id;
});
afterAll(() => drop());

describe("classifyIncident", () => {
  it("sets category and tags, folded to lower case without duplicates, with one audit row of before and after", async () => {
    const responder = await createActorCtx(db, "RESPONDER");
    expect(await classifyIncident(responder, { key, category: "outage", tags: "Payments, checkout  EU-West payments" })).toEqual({ key, changed: true });
    expect(await db.incident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({ category: "outage", tags: ["checkout", "eu-west", "payments"], version: 2 });
    const audit = await db.auditEvent.findMany({ where: { action: "incident.classify", incidentId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: responder.actor.id, before: { category: "other", tags: ["payments"] }, after: { category: "outage", tags: ["checkout", "eu-west", "payments"] } });
    // Saving the same again changes nothing and records nothing.
    expect(await classifyIncident(responder, { key, category: "outage", tags: ["eu-west", "checkout", "payments"] })).toEqual({ key, changed: false });
    expect(await db.auditEvent.count({ where: { action: "incident.classify", incidentId } })).toBe(1);
  });

  it("refuses a viewer, an unknown incident and a tag it cannot use, and writes nothing", async () => {
    const before = await db.incident.findUniqueOrThrow({ where: { id: incidentId } });
    const audits = await db.auditEvent.count();
    const viewer = await createActorCtx(db, "VIEWER");
    await expect(classifyIncident(viewer, { key, category: "security", tags: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const responder = await createActorCtx(db, "RESPONDER");
    await expect(classifyIncident(responder, { key: "INC-999999", category: "security", tags: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(classifyIncident(responder, { key, category: "security", tags: "<script>" })).rejects.toThrow(/letters, digits/);
    await expect(classifyIncident(responder, { key, category: "bogus" as "other", tags: "" })).rejects.toMatchObject({ name: "ZodError", issues: [expect.objectContaining({ path: ["category"] })] });
    await expect(classifyIncident(responder, { key, category: "other", tags: "x".repeat(41) })).rejects.toThrow(/at most 40/);
    expect(await db.incident.findUniqueOrThrow({ where: { id: incidentId } })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("suggests the tags in use, most used first", async () => {
    const viewer = await createActorCtx(db, "VIEWER");
    expect(await listTagSuggestions(viewer)).toEqual(["checkout", "payments", "eu-west"]);
  });
});
