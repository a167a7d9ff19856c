import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { DraftSections } from "@/lib/drafting/types";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { getReview } from "@/lib/reviews/get-review";
import { rejectRevision } from "@/lib/reviews/reject-revision";
import { requestRevisionChanges } from "@/lib/reviews/request-revision-changes";
import { resolveSuggestion } from "@/lib/reviews/resolve-suggestion";
import { updateReviewPolicy } from "@/lib/reviews/update-review-policy";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { createActorCtx } from "../helpers/actors";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
});
afterAll(() => drop());

const summaryOf = (text: string, citations: string[]) => ({ statements: [{ text, citations }] });
const reload = (id: string) => db.reportRevision.findUniqueOrThrow({ where: { id } });
const auditCount = (action: string, targetId: string) => db.auditEvent.count({ where: { action, targetId } });

describe("approving a revision", () => {
  it("approves the exact content a commander read, once, with one audit row", async () => {
    const { revision } = await createDraftedIncident(db);
    const commander = await createActorCtx(db, "COMMANDER");
    const result = await approveRevision(commander, { revisionId: revision.id, version: revision.version });
    expect(result).toMatchObject({ state: "approved", contentHash: revision.contentHash });
    const approval = await db.approval.findFirstOrThrow({ where: { revisionId: revision.id } });
    expect(approval).toMatchObject({ approverId: commander.actor.id, contentHash: revision.contentHash, voidedAt: null });
    expect(await auditCount("revision.approve", revision.id)).toBe(1);
    await expect(approveRevision(commander, { revisionId: revision.id, version: revision.version })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already approved") });
  });

  it("refuses a stale version: the approver must have read the current text", async () => {
    const { revision, incident } = await createDraftedIncident(db);
    const responder = await createActorCtx(db, "RESPONDER");
    const commander = await createActorCtx(db, "COMMANDER");
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    await updateDraftSection(responder, { revisionId: revision.id, section: "summary", content: summaryOf("Edited while the IC was reading.", [trigger.id]), version: revision.version });
    await expect(approveRevision(commander, { revisionId: revision.id, version: revision.version })).rejects.toMatchObject({ code: "CONFLICT", details: { currentVersion: revision.version + 1 } });
    expect(await db.approval.count({ where: { revisionId: revision.id } })).toBe(0);
  });

  it("names each empty required section, field by field", async () => {
    const { revision } = await createDraftedIncident(db);
    const responder = await createActorCtx(db, "RESPONDER");
    const commander = await createActorCtx(db, "COMMANDER");
    const saved = await updateDraftSection(responder, { revisionId: revision.id, section: "summary", content: { statements: [] }, version: revision.version });
    const again = await updateDraftSection(responder, { revisionId: revision.id, section: "remediation", content: { statements: [] }, version: saved.version });
    const error = await approveRevision(commander, { revisionId: revision.id, version: again.version }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UNPROCESSABLE", details: { fields: { summary: expect.any(String), remediation: expect.any(String) } } });
  });

  it("lets only a signed-in COMMANDER or ADMIN approve", async () => {
    const { revision } = await createDraftedIncident(db);
    for (const role of ["RESPONDER", "VIEWER"] as const) {
      await expect(approveRevision(await createActorCtx(db, role), { revisionId: revision.id, version: revision.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const token = { db, actor: { type: "token" as const, id: "tok", label: "ci-bot", role: "COMMANDER" as const } };
    await expect(approveRevision(token, { revisionId: revision.id, version: revision.version })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("API token") });
    expect(await approveRevision(await createActorCtx(db, "ADMIN"), { revisionId: revision.id, version: revision.version })).toMatchObject({ state: "approved" });
  });

  it("applies the two-person rule per severity: the last editor may not approve", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await updateReviewPolicy(admin, { severity: "SEV1", twoPersonRule: true });
    const { revision, incident } = await createDraftedIncident(db, { severity: "SEV1" });
    const editor = await createActorCtx(db, "COMMANDER");
    const other = await createActorCtx(db, "COMMANDER");
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    const saved = await updateDraftSection(editor, { revisionId: revision.id, section: "summary", content: summaryOf("Checkout failed for card payments.", [trigger.id]), version: revision.version });
    await expect(approveRevision(editor, { revisionId: revision.id, version: saved.version })).rejects.toMatchObject({ code: "FORBIDDEN", details: { rule: "two-person" } });
    expect(await approveRevision(other, { revisionId: revision.id, version: saved.version })).toMatchObject({ state: "approved" });
    // Other severities are unaffected.
    const sev2 = await createDraftedIncident(db, { severity: "SEV2" });
    const trigger2 = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: sev2.incident.id, kind: "trigger" } });
    const own = await updateDraftSection(editor, { revisionId: sev2.revision.id, section: "summary", content: summaryOf("Mine.", [trigger2.id]), version: sev2.revision.version });
    expect(await approveRevision(editor, { revisionId: sev2.revision.id, version: own.version })).toMatchObject({ state: "approved" });
    expect(await db.auditEvent.findFirst({ where: { action: "review_policy.update", targetId: "SEV1" } })).toMatchObject({ before: { twoPersonRule: false }, after: { twoPersonRule: true } });
    await expect(updateReviewPolicy(editor, { severity: "SEV2", twoPersonRule: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateReviewPolicy(admin, { severity: "SEV1", twoPersonRule: false });
  });

  it("voids the approval when the approved content changes, in the edit's own transaction", async () => {
    const { revision, incident } = await createDraftedIncident(db);
    const commander = await createActorCtx(db, "COMMANDER");
    await approveRevision(commander, { revisionId: revision.id, version: revision.version });
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    const edit = await updateDraftSection(commander, { revisionId: revision.id, section: "summary", content: summaryOf("A late correction.", [trigger.id]), version: revision.version });
    expect(edit).toMatchObject({ state: "in_review", voidedApprovals: [expect.any(String)] });
    const approval = await db.approval.findFirstOrThrow({ where: { revisionId: revision.id } });
    expect(approval.voidedAt).not.toBeNull();
    expect(approval.voidReason).toContain("edited after approval");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "revision.edit", targetId: revision.id } });
    expect(audit.after).toMatchObject({ state: "in_review", voidedApprovals: [approval.id] });
    expect(await auditCount("revision.edit", revision.id)).toBe(1);
    const review = await getReview(commander, { key: `INC-${incident.number}` });
    expect(review.revision!.approvals).toEqual([expect.objectContaining({ isCurrent: false, voidedAt: expect.any(String) })]);
  });
});

describe("rejecting and requesting changes", () => {
  it("sends a draft back with a note (it stays in the queue) or rejects it (it leaves), reasons required", async () => {
    const { revision } = await createDraftedIncident(db);
    const commander = await createActorCtx(db, "COMMANDER");
    await expect(requestRevisionChanges(commander, { revisionId: revision.id, version: revision.version, reason: "" })).rejects.toMatchObject({ name: "ZodError" });
    const changes = await requestRevisionChanges(commander, { revisionId: revision.id, version: revision.version, reason: "Impact needs the customer count." });
    expect(changes).toMatchObject({ state: "draft", reviewNote: expect.stringContaining("Impact needs the customer count.") });
    await expect(rejectRevision(await createActorCtx(db, "RESPONDER"), { revisionId: revision.id, version: revision.version, reason: "no" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await rejectRevision(commander, { revisionId: revision.id, version: revision.version, reason: "Wrong incident: this is the search outage." });
    expect(await reload(revision.id)).toMatchObject({ state: "rejected", rejectedReason: "Wrong incident: this is the search outage." });
    await expect(approveRevision(commander, { revisionId: revision.id, version: revision.version })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("rejected") });
    expect(await auditCount("revision.request_changes", revision.id)).toBe(1);
    expect(await auditCount("revision.reject", revision.id)).toBe(1);
  });
});

describe("machine suggestions and new revisions", () => {
  it("sends the machine's version of a section only where it differs from the current text", async () => {
    const { revision, incident, key } = await createDraftedIncident(db);
    const commander = await createActorCtx(db, "COMMANDER");
    const fresh = await getReview(commander, { key });
    const names = Object.keys(fresh.revision!.sections).sort();
    expect(fresh.revision!.machineMatches.sort()).toEqual(names);
    expect(fresh.revision!.machine).toEqual({});
    const drafted = (fresh.revision!.sections as unknown as DraftSections).summary;
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    await updateDraftSection(commander, { revisionId: revision.id, section: "summary", content: summaryOf("Our own words.", [trigger.id]), version: revision.version });
    const edited = await getReview(commander, { key });
    expect(edited.revision!.machineMatches.sort()).toEqual(names.filter((name) => name !== "summary"));
    expect(edited.revision!.machine).toEqual({ summary: drafted });
    expect(edited.revision!.sections.summary).toEqual(summaryOf("Our own words.", [trigger.id]));
  });

  it("offers newer machine text beside a person's section; accept hands it back to the machine, dismiss keeps the person's", async () => {
    const { revision, incident, key, at } = await createDraftedIncident(db);
    const responder = await createActorCtx(db, "RESPONDER");
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    const edited = await updateDraftSection(responder, { revisionId: revision.id, section: "remediation", content: summaryOf("We rolled back.", [trigger.id]), version: revision.version });
    // Re-drafting with nothing new offers nothing: the person already saw the machine's text.
    await redraftIncident(db, incident.id, { now: at(96) });
    expect(Object.keys(((await reload(revision.id)).meta as { suggestions: object }).suggestions)).toEqual([]);
    await addEvidence(responder, { key, evidence: { format: "note", text: "Restarted the payments-service pods to clear stuck connections.", at: at(50).toISOString() } });
    await redraftIncident(db, incident.id, { now: at(97) });
    const withSuggestion = await reload(revision.id);
    expect(Object.keys((withSuggestion.meta as { suggestions: object }).suggestions)).toContain("remediation");
    const accepted = await resolveSuggestion(responder, { revisionId: revision.id, section: "remediation", version: withSuggestion.version, decision: "accept" });
    const after = await reload(revision.id);
    expect((after.meta as { origins: Record<string, string> }).origins.remediation).toBe("machine");
    expect(JSON.stringify((after.sections as unknown as DraftSections).remediation)).toContain("Restarted the payments-service pods");
    expect(accepted.version).toBe(withSuggestion.version + 1);
    expect(edited.version).toBeLessThan(accepted.version);
    await expect(resolveSuggestion(responder, { revisionId: revision.id, section: "remediation", version: after.version, decision: "dismiss" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("after approval, new evidence waits beside the approved text; after the send, it makes a new revision that carries the people's sections forward", async () => {
    await db.distributionList.create({ data: { name: `Everyone ${Date.now()}`, recipients: ["all@example.com"] } });
    const { revision, incident, key, at } = await createDraftedIncident(db);
    const commander = await createActorCtx(db, "COMMANDER");
    // Evidence settles the incident's facts (severity, start) from its whole timeline before anyone approves.
    await addEvidence(commander, { key, evidence: { format: "note", text: "Customers report failed card payments.", at: at(20).toISOString() } });
    await redraftIncident(db, incident.id, { now: at(95) });
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    const current = await reload(revision.id);
    const saved = await updateDraftSection(commander, { revisionId: revision.id, section: "summary", content: summaryOf("Card payments failed for 40 minutes.", [trigger.id]), version: current.version });
    await approveRevision(commander, { revisionId: revision.id, version: saved.version });
    expect((await redraftIncident(db, incident.id, { now: at(96) })).report).toBe("unchanged");
    await addEvidence(commander, { key, evidence: { format: "note", text: "Restarted the payments-service pods to clear stuck connections.", at: at(50).toISOString() } });
    expect((await redraftIncident(db, incident.id, { now: at(97) })).report).toBe("updated");
    const approved = await reload(revision.id);
    expect(approved).toMatchObject({ state: "approved", contentHash: (await reload(revision.id)).contentHash });
    expect(approved.contentHash).toBe((await db.approval.findFirstOrThrow({ where: { revisionId: revision.id, voidedAt: null } })).contentHash);
    expect(Object.keys((approved.meta as { suggestions: object }).suggestions)).toContain("remediation");
    expect(await db.reportRevision.count({ where: { incidentId: incident.id, kind: "report" } })).toBe(1);

    await sendRevision(commander, { revisionId: revision.id, origin: "https://sitrep.example.com" }, { emailFrom: "s@example.com", enqueue: async () => undefined });
    await addEvidence(commander, { key, evidence: { format: "note", text: "Follow-up: add a canary for pool settings.", at: at(60).toISOString() } });
    expect((await redraftIncident(db, incident.id, { now: at(98) })).report).toBe("created");
    const next = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "report" }, orderBy: { number: "desc" } });
    expect(next).toMatchObject({ number: revision.number + 1, state: "draft", basedOnId: revision.id });
    expect((next.sections as unknown as DraftSections).summary.statements[0]!.text).toBe("Card payments failed for 40 minutes.");
    expect((next.meta as { origins: Record<string, string> }).origins.summary).toBe("human");
    expect((await reload(revision.id)).state).toBe("sent");
  });
});

describe("permissions for every review action", () => {
  it("matches the table in lib/authz.ts", async () => {
    const roles = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER"] as const;
    const expected: Record<string, (typeof roles)[number][]> = {
      edit: ["ADMIN", "COMMANDER", "RESPONDER"],
      approve: ["ADMIN", "COMMANDER"],
      requestChanges: ["ADMIN", "COMMANDER"],
      reject: ["ADMIN", "COMMANDER"],
      read: ["ADMIN", "COMMANDER", "RESPONDER"],
      policy: ["ADMIN"],
    };
    for (const role of roles) {
      const ctx = await createActorCtx(db, role);
      const outcomes: Record<string, boolean> = {};
      const attempt = async (name: string, run: () => Promise<unknown>) => {
        outcomes[name] = await run().then(
          () => true,
          (e: { code?: string }) => {
            if (e.code !== "FORBIDDEN") throw e;
            return false;
          },
        );
      };
      const fresh = async () => (await createDraftedIncident(db)).revision;
      const r1 = await fresh();
      await attempt("edit", () => updateDraftSection(ctx, { revisionId: r1.id, section: "remediation", content: summaryOf("Rolled back.", []), version: r1.version }));
      const r2 = await fresh();
      await attempt("approve", () => approveRevision(ctx, { revisionId: r2.id, version: r2.version }));
      const r3 = await fresh();
      await attempt("requestChanges", () => requestRevisionChanges(ctx, { revisionId: r3.id, version: r3.version, reason: "More detail." }));
      await attempt("reject", () => rejectRevision(ctx, { revisionId: r3.id, version: r3.version, reason: "Not this one." }));
      const n3 = (await db.incident.findUniqueOrThrow({ where: { id: r3.incidentId } })).number;
      await attempt("read", () => getReview(ctx, { key: `INC-${n3}` }));
      await attempt("policy", () => updateReviewPolicy(ctx, { severity: "SEV5", twoPersonRule: false }));
      for (const [action, allowed] of Object.entries(expected)) expect([role, action, outcomes[action]]).toEqual([role, action, allowed.includes(role)]);
    }
  });
});
