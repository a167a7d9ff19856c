import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Severity } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db";
import { correctIncidentMilestone } from "@/lib/incidents/correct-incident-milestone";
import { computeInsights } from "@/lib/insights/compute-insights";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;
const NOW = new Date("2026-11-30T12:00:00Z");
const day = 86_400_000;
const min = 60_000;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
});
afterAll(() => drop());

async function incident(options: { severity: Severity; daysAgo: number; ackMin?: number; resolveMin?: number; services?: string[]; tags?: string[]; category?: "outage" | "degradation"; mergedIntoId?: string }) {
  const startedAt = new Date(NOW.getTime() - options.daysAgo * day);
  return db.incident.create({
    data: {
      title: `Incident ${options.severity} ${options.daysAgo}`,
      severity: options.severity,
      category: options.category ?? "outage",
      status: options.resolveMin === undefined ? "investigating" : "resolved",
      services: options.services ?? ["api"],
      tags: options.tags ?? [],
      startedAt,
      acknowledgedAt: options.ackMin === undefined ? null : new Date(startedAt.getTime() + options.ackMin * min),
      resolvedAt: options.resolveMin === undefined ? null : new Date(startedAt.getTime() + options.resolveMin * min),
      mergedIntoId: options.mergedIntoId ?? null,
    },
  });
}

/** A report drafted, approved and delivered at the given minutes after the start; edited sections carry their edit size. */
async function reportLifecycle(incidentId: string, startedAt: Date, at: { draft: number; approval: number; sent: number }, edits: Record<string, number> = {}) {
  const approver = await createActorCtx(db, "COMMANDER");
  const t = (m: number) => new Date(startedAt.getTime() + m * min);
  const origins = Object.fromEntries(Object.keys(edits).map((k) => [k, "human"]));
  const revision = await db.reportRevision.create({
    data: { incidentId, kind: "report", number: 1, state: "approved", sections: {}, contentHash: `h-${incidentId}`, meta: { origins, suggestions: {}, editSize: edits }, authorType: "machine", createdAt: t(at.draft) },
  });
  await db.approval.create({ data: { revisionId: revision.id, approverId: approver.actor.id, contentHash: revision.contentHash, createdAt: t(at.approval) } });
  await db.delivery.create({
    data: { revisionId: revision.id, contentHash: revision.contentHash, template: "incident_report", reason: "Executives", recipient: "cto@example.com", status: "sent", messageId: `<m-${incidentId}>`, subject: "s", html: "h", text: "t", sentAt: t(at.sent) },
  });
  await db.reportRevision.update({ where: { id: revision.id }, data: { state: "sent" } });
}

describe("insights", () => {
  it("computes MTTA, MTTR, time to first draft, approval and report, with open, merged and corrected incidents counted right", async () => {
    const a = await incident({ severity: "SEV1", daysAgo: 10, ackMin: 5, resolveMin: 60, services: ["api", "payments"], tags: ["customer-facing"] });
    const b = await incident({ severity: "SEV1", daysAgo: 9, ackMin: 15, resolveMin: 120 });
    await incident({ severity: "SEV2", daysAgo: 3, ackMin: 10, category: "degradation" }); // still open
    await incident({ severity: "SEV2", daysAgo: 2, ackMin: 1, resolveMin: 5, mergedIntoId: a.id }); // merged into A: counted once, as A
    await incident({ severity: "SEV3", daysAgo: 40, ackMin: 1, resolveMin: 2 }); // outside the 30 days
    const f = await incident({ severity: "SEV2", daysAgo: 1, ackMin: 30, resolveMin: 90 });
    await reportLifecycle(a.id, a.startedAt, { draft: 2, approval: 20, sent: 25 }, { summary: 40, rootCause: 12 });
    await reportLifecycle(b.id, b.startedAt, { draft: 4, approval: 30, sent: 31 });

    // The page came late: the commander says F was really acknowledged 3 minutes in.
    const commander = await createActorCtx(db, "COMMANDER");
    await correctIncidentMilestone(commander, { key: `INC-${f.number}`, milestone: "acknowledgedAt", at: new Date(f.startedAt.getTime() + 3 * min).toISOString(), reason: "PagerDuty ack was delayed by the phone outage" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "incident.milestone_correct", targetId: f.id } });
    expect(audit.before).toMatchObject({ milestone: "acknowledgedAt", fromTimeline: f.acknowledgedAt!.toISOString(), corrected: null });
    expect(audit.after).toMatchObject({ corrected: new Date(f.startedAt.getTime() + 3 * min).toISOString(), reason: expect.stringContaining("delayed") });

    const insights = await computeInsights(commander, { period: "30" }, NOW);
    expect(insights.total).toMatchObject({ incidents: 4, open: 1, reportsSent: 2, reportsEdited: 1 });
    // MTTA over 5, 15, 10 and 3 (corrected, not 30).
    expect(insights.total.mtta).toEqual({ p50: 7.5, p90: 13.5, mean: 8.3, n: 4 });
    // MTTR only over the resolved: 60, 120, 90; the open one is not a zero.
    expect(insights.total.mttr).toEqual({ p50: 90, p90: 114, mean: 90, n: 3 });
    expect(insights.total.firstDraft).toMatchObject({ p50: 3, n: 2 });
    expect(insights.total.firstApproval).toMatchObject({ p50: 25, n: 2 });
    expect(insights.total.reportSent).toMatchObject({ p50: 28, n: 2 });
    expect(insights.edits).toEqual([
      { section: "rootCause", revisions: 1, mean: 12, p50: 12 },
      { section: "summary", revisions: 1, mean: 40, p50: 40 },
    ]);
    const bySeverity = Object.fromEntries(insights.breakdown.map((r) => [r.key, r]));
    expect(bySeverity.SEV1).toMatchObject({ incidents: 2, open: 0, mttr: { p50: 90, n: 2 } });
    expect(bySeverity.SEV2).toMatchObject({ incidents: 2, open: 1, mtta: { p50: 6.5, n: 2 }, mttr: { p50: 90, n: 1 } });
    expect(bySeverity.SEV3).toBeUndefined();
    expect(insights.trend.reduce((n, r) => n + r.incidents, 0)).toBe(4);

    const byService = await computeInsights(commander, { period: "30", groupBy: "service" }, NOW);
    expect(Object.fromEntries(byService.breakdown.map((r) => [r.key, r.incidents]))).toEqual({ api: 4, payments: 1 });
    const tagged = await computeInsights(commander, { period: "30", tag: "customer-facing" }, NOW);
    expect(tagged.total.incidents).toBe(1);
    const custom = await computeInsights(commander, { period: "custom", from: "2026-10-15", to: "2026-10-25" }, NOW);
    expect(custom.total.incidents).toBe(1);
    expect((await computeInsights(commander, { period: "90", severity: "SEV3" }, NOW)).total.incidents).toBe(1);

    // Dropping the correction goes back to the timeline's time.
    await correctIncidentMilestone(commander, { key: `INC-${f.number}`, milestone: "acknowledgedAt", at: null, reason: "Checked again: the timeline was right" });
    expect((await computeInsights(commander, { period: "30", severity: "SEV2" }, NOW)).total.mtta).toMatchObject({ p50: 20 });
  });

  it("refuses bad filters and roles, and out-of-order corrections", async () => {
    const commander = await createActorCtx(db, "COMMANDER");
    await expect(computeInsights(await createActorCtx(db, "RESPONDER"), {}, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(computeInsights(commander, { period: "custom", from: "2026-11-10", to: "2026-11-01" }, NOW)).rejects.toMatchObject({ name: "ZodError" });
    const g = await incident({ severity: "SEV4", daysAgo: 5, ackMin: 5, resolveMin: 50 });
    await expect(correctIncidentMilestone(commander, { key: `INC-${g.number}`, milestone: "resolvedAt", at: new Date(g.startedAt.getTime() - min).toISOString(), reason: "typo test" })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(correctIncidentMilestone(await createActorCtx(db, "RESPONDER"), { key: `INC-${g.number}`, milestone: "resolvedAt", at: null, reason: "nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("insights edge cases", () => {
  it("credits a merged incident's report to the one it was merged into, and keeps reopened incidents open", async () => {
    const when = new Date("2027-03-01T12:00:00Z");
    const at = (daysAgo: number) => new Date(when.getTime() - daysAgo * day);
    const target = await db.incident.create({ data: { title: "target", severity: "SEV5", category: "other", status: "resolved", services: ["edge"], tags: ["edge-case"], startedAt: at(5), acknowledgedAt: new Date(at(5).getTime() + 4 * min), resolvedAt: new Date(at(5).getTime() + 40 * min) } });
    const source = await db.incident.create({ data: { title: "source", severity: "SEV5", category: "other", status: "resolved", services: ["edge"], tags: ["edge-case"], startedAt: at(5), mergedIntoId: target.id } });
    await reportLifecycle(source.id, target.startedAt, { draft: 3, approval: 9, sent: 10 }, { summary: 7 });
    // Reopened: the timeline cleared its resolve time, but an old correction remains.
    await db.incident.create({ data: { title: "reopened", severity: "SEV5", category: "other", status: "investigating", services: ["edge"], tags: ["edge-case"], startedAt: at(4), resolvedAtCorrected: at(3) } });
    const commander = await createActorCtx(db, "COMMANDER");
    const insights = await computeInsights(commander, { period: "30", tag: "edge-case" }, when);
    expect(insights.total).toMatchObject({ incidents: 2, open: 1, reportsSent: 1, reportsEdited: 1, firstDraft: { p50: 3, n: 1 }, reportSent: { p50: 10, n: 1 }, mttr: { p50: 40, n: 1 } });
    expect(insights.edits).toEqual([{ section: "summary", revisions: 1, mean: 7, p50: 7 }]);
  });

  it("refuses to correct the resolve time of an open incident, a future time, or a merged incident", async () => {
    const commander = await createActorCtx(db, "COMMANDER");
    const open = await incident({ severity: "SEV5", daysAgo: 1, ackMin: 2 });
    await expect(correctIncidentMilestone(commander, { key: `INC-${open.number}`, milestone: "resolvedAt", at: new Date().toISOString(), reason: "closing it by hand" })).rejects.toMatchObject({ code: "UNPROCESSABLE", details: { field: "milestone" } });
    await expect(correctIncidentMilestone(commander, { key: `INC-${open.number}`, milestone: "acknowledgedAt", at: new Date(Date.now() + day).toISOString(), reason: "tomorrow" })).rejects.toMatchObject({ code: "UNPROCESSABLE", details: { field: "at" } });
    const merged = await incident({ severity: "SEV5", daysAgo: 1, ackMin: 2, resolveMin: 3, mergedIntoId: open.id });
    await expect(correctIncidentMilestone(commander, { key: `INC-${merged.number}`, milestone: "acknowledgedAt", at: null, reason: "merged one" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
