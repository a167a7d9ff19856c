import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { Transport } from "@/lib/email/create-transport";
import { hashAuditEvent } from "@/lib/audit/hash-audit-event";
import { deliverEmails } from "@/lib/deliveries/deliver-emails";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { buildEvidencePack } from "@/lib/history/build-evidence-pack";
import { getIncidentHistory } from "@/lib/history/get-incident-history";
import { renderEvidencePackHtml } from "@/lib/history/render-evidence-pack";
import { mergeIncidents } from "@/lib/incidents/merge-incidents";
import { splitIncident } from "@/lib/incidents/split-incident";
import { recomputeIncidentState } from "@/lib/incidents/recompute-incident-state";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { createActorCtx } from "../helpers/actors";
import { approveDraftedIncident, createSendingLists } from "../helpers/approved-incident";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;
let story: Awaited<ReturnType<typeof approveDraftedIncident>>;
let duplicateKey: string;
const PLANTED = `<script>alert("pwned")</script> Planted-${Date.now()}`;
const CHANGED = "History-diff: card payments recovered after the rollback.";

/** A mailer that bounces one address for good and delivers the rest. */
const transport: Transport = {
  name: "outbox",
  send: async (email) => (email.to === "ceo@example.com" ? { ok: false, retryable: false, error: "550 mailbox unavailable" } : { ok: true, providerMessageId: `p-${email.to}` }),
};

// One incident lived through: drafted, edited, approved, edited again (voiding the approval),
// re-approved and sent (one address bounces), a duplicate merged into it, resolved by a person,
// and re-drafted as r2, whose summary a person then rewrites.
beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  await createSendingLists(db);
  story = await approveDraftedIncident(db);
  const { commander, revision, trigger, key, incident } = story;
  const approved = await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } });
  const edited = await updateDraftSection(commander, { revisionId: revision.id, section: "remediation", content: { statements: [{ text: PLANTED, citations: [trigger.id] }] }, version: approved.version });
  expect(edited.voidedApprovals).toHaveLength(1);
  await approveRevision(commander, { revisionId: revision.id, version: edited.version });
  const ids: string[] = [];
  await sendRevision(commander, { revisionId: revision.id, origin: "https://sitrep.example.com" }, { emailFrom: "Sitrep <incidents@status.example.com>", enqueue: async (queued) => void ids.push(...queued) });
  await deliverEmails(db, transport, ids, { from: "Sitrep <incidents@status.example.com>", isLastAttempt: true });

  const duplicate = await createDraftedIncident(db, { title: "Checkout 502s (duplicate page)" });
  duplicateKey = duplicate.key;
  await mergeIncidents(commander, { sourceKey: duplicate.key, targetKey: key });
  await db.timelineEntry.create({ data: { incidentId: incident.id, at: new Date(), kind: "status_change", text: "Resolved by the commander", source: "Sitrep", authorType: "human", data: { status: "resolved" } } });
  await db.$transaction((tx) => recomputeIncidentState(tx, commander.actor, incident.id));
  await redraftIncident(db, incident.id);
  const r2 = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "report", number: 2 } });
  await updateDraftSection(commander, { revisionId: r2.id, section: "summary", content: { statements: [{ text: CHANGED, citations: [trigger.id] }] }, version: r2.version });
}, 120_000);
afterAll(() => drop());

describe("the incident's history", () => {
  it("is one thread, oldest first: revisions, edits, approvals (voided ones marked), the send with each email's status, the merge and the status change", async () => {
    const { thread, revisions, incident } = await getIncidentHistory(story.commander, { key: story.key });
    expect(incident).toMatchObject({ key: story.key, status: "resolved", mergedFrom: [duplicateKey] });
    expect(revisions.filter((r) => r.kind === "report").map((r) => [r.number, r.state])).toEqual([
      [1, "sent"],
      [2, "in_review"],
    ]);
    expect(thread.every((item, i) => i === 0 || thread[i - 1]!.at <= item.at)).toBe(true);

    const drafted = thread.find((i) => i.action === "revision.created" && i.revision?.kind === "report" && i.revision.number === 1)!;
    expect(drafted).toMatchObject({ title: "Drafted report r1", actor: { kind: "machine", label: "drafter" }, details: ["State now: sent"] });
    const edits = thread.filter((i) => i.action === "revision.edit" && i.revision?.number === 1);
    expect(edits.map((e) => e.title)).toEqual(["Edited Summary of report r1", "Edited Remediation of report r1"]);
    // People by name, with the address they signed in as.
    expect(edits[0]!.actor).toEqual({ kind: "human", label: expect.stringMatching(/^COMMANDER \d+$/), detail: story.commander.actor.label });
    expect(edits[1]!.details).toContain("Voided 1 standing approval");

    const approvals = thread.filter((i) => i.action === "approval.given");
    expect(approvals).toHaveLength(2);
    expect(approvals[0]!.voided).toMatchObject({ reason: `edited after approval by ${story.commander.actor.label}` });
    expect(approvals[0]!.details[0]).toMatch(/^VOIDED /);
    expect(approvals[1]!.voided).toBeNull();
    const voided = thread.find((i) => i.action === "approval.voided")!;
    expect(voided).toMatchObject({ kind: "approval_voided", actor: { kind: "human", detail: story.commander.actor.label } });
    expect(thread.indexOf(voided)).toBeGreaterThan(thread.indexOf(approvals[0]!));
    expect(thread.indexOf(voided)).toBeLessThan(thread.indexOf(approvals[1]!));

    const send = thread.find((i) => i.action === "revision.send")!;
    expect(send).toMatchObject({ title: "Sent report r1", hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(send.deliveries).toHaveLength(1);
    expect(send.deliveries[0]).toMatchObject({ template: "incident_report", counts: { sent: 2, failed: 1, queued: 0, sending: 0 } });
    expect(send.deliveries[0]!.recipients.map((r) => [r.recipient, r.status, r.attempts, r.lastError, r.sentAt !== null])).toEqual([
      ["ceo@example.com", "failed", 1, "550 mailbox unavailable", false],
      ["cto@example.com", "sent", 1, null, true],
      ["support@example.com", "sent", 1, null, true],
    ]);
    // The mailer's per-email audit rows are folded into the send, not listed again.
    expect(thread.some((i) => i.action.startsWith("delivery."))).toBe(false);

    expect(thread.find((i) => i.action === "incident.merge")).toMatchObject({ kind: "merge", title: `${duplicateKey} merged into this incident`, relatedIncident: duplicateKey });
    expect(thread.find((i) => i.kind === "status" && i.title.endsWith("→ resolved"))).toMatchObject({ title: "Status monitoring → resolved", actor: { kind: "human" } });
    const r2 = thread.find((i) => i.action === "revision.created" && i.revision?.kind === "report" && i.revision.number === 2)!;
    expect(r2.details[0]).toMatch(/^Based on r1; differs in: .*Timeline/);
  });

  it("shows the merge on the merged incident too, pointing at where it went", async () => {
    const { thread, incident } = await getIncidentHistory(story.commander, { key: duplicateKey });
    expect(incident.mergedInto).toBe(story.key);
    expect(thread.find((i) => i.action === "incident.merge")).toMatchObject({ title: `Merged into ${story.key}`, relatedIncident: story.key });
  });

  it("shows a split on the original incident and on the new one", async () => {
    const original = await createDraftedIncident(db, { title: "Checkout and DNS together" });
    const entry = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: original.incident.id, kind: "chat_message" } });
    const { into } = await splitIncident(story.commander, { key: original.key, entryIds: [entry.id], title: "DNS misconfiguration" });
    expect((await getIncidentHistory(story.commander, { key: original.key })).thread.find((i) => i.action === "incident.split")).toMatchObject({ kind: "split", title: expect.stringContaining(`Split: evidence moved to new ${into}`), relatedIncident: into });
    const created = await getIncidentHistory(story.commander, { key: into });
    expect(created.thread.find((i) => i.kind === "split")).toMatchObject({ title: expect.stringContaining(`Split off from ${original.key}`), relatedIncident: original.key });
  });

  it("diffs any two revisions of a kind, and says when one does not exist", async () => {
    const { comparison } = await getIncidentHistory(story.commander, { key: story.key, compare: { kind: "report", from: "1", to: "2" } });
    expect(comparison?.ok).toBe(true);
    if (!comparison?.ok) return;
    expect(comparison.diff.changed).toEqual(expect.arrayContaining(["summary", "timeline"]));
    const summary = comparison.diff.sections.find((s) => s.name === "summary")!;
    const added = summary.rows.flatMap((r) => (r.type === "added" ? [r.right] : r.type === "changed" ? [r.right.map((p) => p.text).join("")] : []));
    expect(added.some((line) => line.includes(CHANGED))).toBe(true);
    const removed = summary.rows.flatMap((r) => (r.type === "removed" ? [r.left] : r.type === "changed" ? [r.left.map((p) => p.text).join("")] : []));
    expect(removed.some((line) => line.includes(`IC-wording-${story.key}`))).toBe(true);
    // Citations read as the evidence's number, as on the review page.
    expect(added.find((line) => line.includes(CHANGED))).toMatch(/\[\d+\]$/);
    expect((await getIncidentHistory(story.commander, { key: story.key, compare: { kind: "report", from: "1", to: "9" } })).comparison).toMatchObject({ ok: false, problem: "This incident has no report r9 (it has r1, r2)." });
  });

  it("is for responders and up: a VIEWER is refused, an unknown incident is not found", async () => {
    const viewer = await createActorCtx(db, "VIEWER");
    await expect(getIncidentHistory(viewer, { key: story.key })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(buildEvidencePack(viewer, { key: story.key })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const responder = await createActorCtx(db, "RESPONDER");
    expect((await getIncidentHistory(responder, { key: story.key })).thread.length).toBeGreaterThan(5);
    for (const key of ["INC-999999", "not-a-key"]) {
      await expect(getIncidentHistory(responder, { key })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(buildEvidencePack(responder, { key })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("the evidence pack", () => {
  it("holds every revision, approval, delivery and audit event, each event re-verifiable from its hash link, and no email bodies", async () => {
    const before = await db.auditEvent.count();
    const pack = JSON.parse(JSON.stringify(await buildEvidencePack(story.commander, { key: story.key })));
    expect(await db.auditEvent.count()).toBe(before);
    expect(pack).toMatchObject({ format: "sitrep-evidence-pack/1", generatedBy: { label: story.commander.actor.label, role: "COMMANDER" }, incident: { key: story.key, mergedFrom: [duplicateKey] } });
    expect(Date.parse(pack.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(pack.revisions.map((r: { kind: string; number: number }) => `${r.kind}:${r.number}`)).toEqual(expect.arrayContaining(["report:1", "report:2"]));
    expect(JSON.stringify(pack.revisions.find((r: { number: number; kind: string }) => r.kind === "report" && r.number === 1).sections)).toContain(PLANTED.replaceAll('"', '\\"'));
    expect(pack.approvals.filter((a: { voidedAt: string | null }) => a.voidedAt !== null)).toHaveLength(1);
    expect(pack.deliveries).toHaveLength(3);
    for (const d of pack.deliveries) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(["recipient", "template", "status", "subject", "messageId", "sentAt", "attempts", "lastError"]));
      expect(d).not.toHaveProperty("html");
      expect(d).not.toHaveProperty("text");
    }
    const actions = pack.auditEvents.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["revision.draft", "revision.edit", "revision.approve", "revision.send", "delivery.sent", "delivery.failed", "incident.merge", "incident.update"]));
    for (const e of pack.auditEvents) {
      const { id, prevHash, hash, ...fields } = e;
      expect(id).toMatch(/^\d+$/);
      expect(hashAuditEvent(prevHash, { ...fields, at: new Date(fields.at) })).toBe(hash);
    }
    const stored = await db.auditEvent.findMany({ where: { OR: [{ incidentId: story.incident.id }, { targetId: story.incident.id }] }, select: { hash: true } });
    expect(pack.auditEvents.map((e: { hash: string }) => e.hash).sort()).toEqual(stored.map((s) => s.hash).sort());
    expect(pack.evidence.length).toBe(await db.timelineEntry.count({ where: { incidentId: story.incident.id } }));
    expect(pack.thread.some((i: { action: string }) => i.action === "revision.send")).toBe(true);
  });

  it("renders as a self-contained HTML page that escapes what people typed", async () => {
    const html = await renderEvidencePackHtml(await buildEvidencePack(story.commander, { key: story.key }));
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;");
    expect(html).not.toMatch(/<link|src=/i);
    expect(html).toContain("VOIDED");
    expect(html).toContain("550 mailbox unavailable");
    expect(html).toContain(story.key);
  });
});
