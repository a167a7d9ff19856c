import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { deriveIncidentState, type LifecycleEntry } from "@/lib/incidents/derive-incident-state";
import { loadLifecycleEntries } from "@/lib/incidents/load-lifecycle-entries";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => ({ db, drop } = await createMigratedDatabase()));
afterAll(async () => drop());

// A seeded generator, so a failure names a case that can be run again.
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}
const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const KINDS = ["trigger", "resolve", "acknowledge", "escalate", "priority_change", "status_change", "chat_message"] as const;
const T0 = Date.parse("2026-12-01T10:00:00Z");

// The old way: every lifecycle entry of the incident, in storage order.
async function wholeTimeline(incidentId: string): Promise<LifecycleEntry[]> {
  const entries = await db.timelineEntry.findMany({ where: { incidentId, kind: { not: "chat_message" } }, orderBy: [{ at: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
  return entries.map((e) => {
    const data = (e.data ?? {}) as Record<string, string | undefined>;
    const startsAt = data.startsAt ? new Date(data.startsAt) : null;
    return { at: e.at, kind: e.kind, authorType: e.authorType, alertKey: data.alertKey, severity: data.severity as LifecycleEntry["severity"], status: data.status as LifecycleEntry["status"], startsAt };
  });
}

describe("the lifecycle's few deciding entries", () => {
  it("derive the same state as the whole timeline, over random storms with ties on time", async () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const rand = random(seed);
      const incident = await db.incident.create({ data: { title: `case ${seed}`, severity: "SEV3", services: ["checkout"], startedAt: new Date(T0) } });
      const rows: Prisma.TimelineEntryCreateManyInput[] = Array.from({ length: 5 + Math.floor(rand() * 60) }, (_, i) => {
        const kind = pick(rand, KINDS);
        const authorType = kind === "status_change" || rand() < 0.1 ? "human" : "machine";
        // Minutes drawn from a small range, so many entries share a time.
        const at = new Date(T0 + Math.floor(rand() * 30) * 60_000);
        const data: Record<string, string> = { alertKey: pick(rand, ["a", "b", "c"]) };
        if (kind === "trigger" || kind === "priority_change") data.severity = pick(rand, ["SEV1", "SEV2", "SEV3", "SEV4"]);
        if (kind === "status_change") data.status = pick(rand, ["investigating", "mitigated", "resolved"]);
        if (kind === "resolve" && rand() < 0.5) data.startsAt = new Date(at.getTime() - Math.floor(rand() * 90) * 60_000).toISOString();
        return { incidentId: incident.id, at, kind, text: `${kind} ${i}`, source: "test", authorType, data, createdAt: new Date(T0 + i) };
      });
      await db.timelineEntry.createMany({ data: rows });
      const expected = deriveIncidentState(await wholeTimeline(incident.id), incident);
      const picked = await loadLifecycleEntries(db, incident.id);
      expect({ seed, state: deriveIncidentState(picked, incident) }).toEqual({ seed, state: expected });
      expect(picked.length).toBeLessThanOrEqual(12);
    }
  });
});
