import { expect } from "vitest";
import type { Severity } from "@/generated/prisma/enums";
import type { AuditEvent } from "@/generated/prisma/client";
import { SYSTEM_ACTOR } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { recomputeIncidentState } from "@/lib/incidents/recompute-incident-state";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { hashPassword } from "@/lib/users/password";
import { createActorCtx } from "./actors";
import { createDraftedIncident } from "./drafted-incident";
import { readFixture } from "./webhooks";

/** The test file's database, set in its beforeAll; the scenario tables read it when they run. */
export let db: Db;
export function useMutationDb(value: Db): void {
  db = value;
}

export type Measure = <T>(ctx: Ctx | null, verb: () => Promise<T>) => Promise<T>;
/** `audits`: the actions the verb must write, in order; one, unless a comment says why not. */
export type Scenario = { audits: string | string[]; mutation: (measure: Measure) => Promise<void> };
export type Entry = Scenario | { cases: Record<string, Scenario> } | { notAMutation: string } | { exempt: string };

export const ORIGIN = "https://sitrep.example.com";
/** What scripts/sitrep.ts acts as; its ctx has no request id. */
export const CLI_ACTOR = { type: "system", id: null, label: "cli (test)", role: "ADMIN" } as const;

/** Runs the scenario, then checks what its one measured verb call added to the audit log. */
export async function checkScenario(scenario: Scenario) {
  const runs: { ctx: Ctx | null; added: number; events: AuditEvent[] }[] = [];
  await scenario.mutation(async (ctx, verb) => {
    const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    const before = await db.auditEvent.count();
    const result = await verb();
    const added = (await db.auditEvent.count()) - before;
    runs.push({ ctx, added, events: await db.auditEvent.findMany({ where: { id: { gt: last?.id ?? -1n } }, orderBy: { id: "asc" } }) });
    return result;
  });
  expect(runs, "a scenario measures exactly one verb call").toHaveLength(1);
  const { ctx, added, events } = runs[0]!;
  const expected = [scenario.audits].flat();
  const written = events.map((e) => `${e.action} by ${e.actorLabel} on ${e.targetType} ${e.targetId ?? "-"}, requestId ${e.requestId ?? "none"}`);
  expect(events.map((e) => e.action), `wrote ${added} audit events:\n  ${written.join("\n  ")}`).toEqual(expected);
  expect(added).toBe(expected.length);
  if (ctx?.requestId) expect(events.map((e) => e.requestId), `every event carries the request id:\n  ${written.join("\n  ")}`).toEqual(expected.map(() => ctx.requestId));
}


export const as = (role: Parameters<typeof createActorCtx>[1]) => createActorCtx(db, role);

let incidents = 0;

/**
 * An incident opened by alerts (`minutes` after it began) on a service of its own, its status,
 * severity and times derived from them as ingestion leaves them, so a verb that recomputes
 * finds nothing of the set-up's to settle.
 */
export async function createAlertIncident(options: { alerts?: { key: string; minutes: number; severity?: Severity }[] } = {}) {
  incidents += 1;
  const startedAt = new Date(Date.now() - 2 * 3_600_000);
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
  const alerts = options.alerts ?? [{ key: "a", minutes: 0 }];
  const incident = await db.incident.create({
    data: {
      title: `Audit walk incident #${incidents}`,
      severity: "SEV3",
      services: [`walk-api-${incidents}`],
      startedAt,
      timeline: {
        create: alerts.map((a) => ({ at: at(a.minutes), kind: "trigger" as const, source: "Alertmanager", text: `Alert ${a.key} firing`, authorType: "machine" as const, data: { alertKey: `${incidents}-${a.key}`, severity: a.severity ?? "SEV3" } })),
      },
    },
  });
  await recomputeIncidentState(db, SYSTEM_ACTOR, incident.id);
  return { id: incident.id, key: formatIncidentKey(incident.number), at };
}

export async function draftedWithTrigger() {
  const drafted = await createDraftedIncident(db);
  return { ...drafted, trigger: await db.timelineEntry.findFirstOrThrow({ where: { incidentId: drafted.incident.id, kind: "trigger" } }) };
}

/** A person's section that the drafter, given new evidence, now offers newer text for. */
export async function revisionWithSuggestion(ctx: Ctx, section: string) {
  const { revision, incident, key, at, trigger } = await draftedWithTrigger();
  await updateDraftSection(ctx, { revisionId: revision.id, section, content: { statements: [{ text: "We rolled back.", citations: [trigger.id] }] }, version: revision.version });
  await addEvidence(ctx, { key, evidence: { format: "note", text: "Restarted the payments-service pods to clear stuck connections.", at: at(50).toISOString() } });
  await redraftIncident(db, incident.id, { now: at(97) });
  const current = await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } });
  expect(Object.keys((current.meta as { suggestions: object }).suggestions)).toContain(section);
  return { revisionId: revision.id, version: current.version };
}

let users = 0;

export async function createUserWithPassword() {
  users += 1;
  const email = `signs-in-${users}@example.com`;
  const password = "a long enough password";
  await db.user.create({ data: { email, name: `Signs In ${users}`, role: "RESPONDER", passwordHash: await hashPassword(password) } });
  return { email, password };
}

/** A sender's fixture moved to a service of its own, so it opens an incident instead of joining another scenario's. */
export function fixtureFor(sender: string, name: string, service: string): Buffer {
  return Buffer.from(readFixture(sender, name).toString("utf8").replaceAll("checkout-api", service));
}

