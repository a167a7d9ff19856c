import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { updateIncidentRecipients } from "@/lib/distribution/update-incident-recipients";
import type { DraftSections } from "@/lib/drafting/types";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { createActorCtx } from "../helpers/actors";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { startResendRecorder } from "../helpers/resend-recorder";
import { approveDraftedIncident, createSendingLists } from "../helpers/approved-incident";

let db: Db;
let drop: () => Promise<void>;
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
const FROM = "Sitrep <incidents@status.example.com>";
const queued: string[] = [];
const sendOptions = { emailFrom: FROM, enqueue: async (ids: string[]) => void queued.push(...ids) };
const ORIGIN = "https://sitrep.example.com";

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  recorder = await startResendRecorder();
  await createSendingLists(db);
});
afterAll(async () => {
  await recorder.close();
  await drop();
});
beforeEach(() => {
  queued.length = 0;
  recorder.setScript(() => undefined);
});


const approvedIncident = (options: Parameters<typeof approveDraftedIncident>[1] = {}) => approveDraftedIncident(db, options);

describe("the gate", () => {
  it("freezes the approved content per recipient, starts the incident's thread and records one audit row", async () => {
    const { revision, commander, key, incident } = await approvedIncident();
    const result = await sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions);
    const rows = await db.delivery.findMany({ where: { revisionId: revision.id }, orderBy: { recipient: "asc" } });
    expect(rows.map((r) => [r.recipient, r.reason, r.template])).toEqual([
      ["ceo@example.com", "Executives", "incident_report"],
      ["cto@example.com", "Executives", "incident_report"],
      ["support@example.com", "Support", "incident_report"],
    ]);
    expect(result).toEqual({ revisionId: revision.id, state: "sent", deliveries: 3 });
    expect(new Set(queued)).toEqual(new Set(rows.map((r) => r.id)));
    const root = `<incident-${incident.id}@status.example.com>`;
    expect(new Set(rows.map((r) => r.messageId)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "queued", inReplyTo: null, headers: { "Message-ID": row.messageId, References: root }, subject: `${key}: ${incident.title}`, contentHash: (await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } })).contentHash });
      expect(row.messageId).toMatch(/^<[0-9a-f-]{36}@status\.example\.com>$/);
      expect(row.html).toContain(`IC-wording-${key}: card payments failed.`);
      expect(row.text).toContain(`IC-wording-${key}: card payments failed. [1]`);
    }
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).threadMessageId).toBe(root);
    expect(await db.auditEvent.count({ where: { action: "revision.send", targetId: revision.id } })).toBe(1);
    await expect(sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already sent") });
    expect(await db.delivery.count({ where: { revisionId: revision.id } })).toBe(3);
    // What was sent stays as it was sent.
    const sent = await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } });
    await expect(updateDraftSection(commander, { revisionId: revision.id, section: "summary", content: { statements: [] }, version: sent.version })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("has been sent") });
  });

  it("refuses unapproved, since-edited and unauthorised sends, whatever the caller", async () => {
    const drafted = await createDraftedIncident(db, { tags: ["customer-facing"] });
    const commander = await createActorCtx(db, "COMMANDER");
    await expect(sendRevision(commander, { revisionId: drafted.revision.id, origin: ORIGIN }, sendOptions)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not approved") });
    await approveRevision(commander, { revisionId: drafted.revision.id, version: drafted.revision.version });
    for (const role of ["RESPONDER", "VIEWER"] as const) {
      await expect(sendRevision(await createActorCtx(db, role), { revisionId: drafted.revision.id, origin: ORIGIN }, sendOptions)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: drafted.incident.id, kind: "trigger" } });
    await updateDraftSection(commander, { revisionId: drafted.revision.id, section: "remediation", content: { statements: [{ text: "Edited after approval.", citations: [trigger.id] }] }, version: drafted.revision.version });
    await expect(sendRevision(commander, { revisionId: drafted.revision.id, origin: ORIGIN }, sendOptions)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.delivery.count({ where: { revisionId: drafted.revision.id } })).toBe(0);
  });

  it("is enforced by the database too: no delivery row without a standing approval of the current content", async () => {
    const drafted = await createDraftedIncident(db);
    const insert = () =>
      db.$executeRaw`INSERT INTO "Delivery" ("id", "revisionId", "contentHash", "template", "reason", "recipient", "messageId", "subject", "html", "text") VALUES (${`raw-${drafted.key}`}, ${drafted.revision.id}, ${drafted.revision.contentHash}, 'incident_report', 'psql', 'x@example.com', '<x@y>', 's', 'h', 't')`;
    await expect(insert()).rejects.toThrow(/sitrep gate/);
    const commander = await createActorCtx(db, "COMMANDER");
    await approveRevision(commander, { revisionId: drafted.revision.id, version: drafted.revision.version });
    await expect(db.$executeRaw`INSERT INTO "Delivery" ("id", "revisionId", "contentHash", "template", "reason", "recipient", "messageId", "subject", "html", "text") VALUES ('raw-other', ${drafted.revision.id}, 'not-the-approved-hash', 'incident_report', 'psql', 'x@example.com', '<x@y>', 's', 'h', 't')`).rejects.toThrow(/sitrep gate/);
    expect(await insert()).toBe(1);
    await db.reportRevision.update({ where: { id: drafted.revision.id }, data: { state: "sent" } });
    await expect(db.$executeRaw`UPDATE "ReportRevision" SET "sections" = '{}' WHERE "id" = ${drafted.revision.id}`).rejects.toThrow(/was sent/);
  });

  it("never sends content edited while the send was being prepared or approved", async () => {
    let sent = 0;
    let edited = 0;
    for (let round = 0; round < 6; round += 1) {
      const { revision, commander, trigger } = await approvedIncident();
      const current = await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } });
      const [send, edit] = await Promise.allSettled([
        sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions),
        updateDraftSection(commander, { revisionId: revision.id, section: "remediation", content: { statements: [{ text: `Racing edit ${round}`, citations: [trigger.id] }] }, version: current.version }),
      ]);
      const after = await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } });
      const deliveries = await db.delivery.findMany({ where: { revisionId: revision.id } });
      if (send.status === "fulfilled") {
        sent += 1;
        expect(edit.status).toBe("rejected");
        expect(after.state).toBe("sent");
        expect(deliveries.every((d) => d.contentHash === after.contentHash && !d.html.includes("Racing edit"))).toBe(true);
      } else {
        edited += 1;
        expect(edit.status).toBe("fulfilled");
        expect(deliveries).toEqual([]);
        expect(after.state).toBe("in_review");
      }
    }
    expect(sent + edited).toBe(6);
  });

  it("adds the incident's extra addresses, leaves out its exclusions, and refuses to send to nobody", async () => {
    const { revision, commander, key } = await approvedIncident();
    await expect(updateIncidentRecipients(commander, { key, extraRecipients: "partner@vendor.example\nnot an address", excludedRecipients: "" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(updateIncidentRecipients(await createActorCtx(db, "RESPONDER"), { key, extraRecipients: "", excludedRecipients: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateIncidentRecipients(commander, { key, extraRecipients: "partner@vendor.example", excludedRecipients: "CEO@example.com" });
    expect(await db.auditEvent.findFirst({ where: { action: "incident.recipients" }, orderBy: { id: "desc" } })).toMatchObject({ after: { extraRecipients: ["partner@vendor.example"], excludedRecipients: ["CEO@example.com"] } });
    // The approval was given for other recipients: the send withdraws it rather than mail people nobody approved.
    await expect(sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("approval was withdrawn") });
    const withdrawn = await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } });
    expect(withdrawn.state).toBe("in_review");
    expect(await db.delivery.count({ where: { revisionId: revision.id } })).toBe(0);
    await approveRevision(commander, { revisionId: revision.id, version: withdrawn.version });
    await sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions);
    expect((await db.delivery.findMany({ where: { revisionId: revision.id } })).map((d) => [d.recipient, d.reason]).sort()).toEqual([
      ["cto@example.com", "Executives"],
      ["partner@vendor.example", "Added for this incident"],
      ["support@example.com", "Support"],
    ]);
    const lonely = await approvedIncident({ severity: "SEV4", tags: ["internal"] });
    await expect(sendRevision(lonely.commander, { revisionId: lonely.revision.id, origin: ORIGIN }, sendOptions)).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("nobody") });
  });
});

describe("what goes out besides the report", () => {
  it("mails action items to their owners as [ACTION REQUIRED], and a resolved status update as the resolution notice", async () => {
    const drafted = await createDraftedIncident(db, { tags: ["customer-facing"] });
    const commander = await createActorCtx(db, "COMMANDER");
    const owner = await createActorCtx(db, "RESPONDER");
    const sections = drafted.revision.sections as unknown as DraftSections;
    const items = { items: [{ title: "Add a pool canary", owner: null, ownerId: owner.actor.id, dueSuggestion: null, dueAt: "2026-12-14", status: "open" as const, citations: [] }, ...sections.actionItems.items] };
    const saved = await updateDraftSection(commander, { revisionId: drafted.revision.id, section: "actionItems", content: items, version: drafted.revision.version });
    await approveRevision(await createActorCtx(db, "COMMANDER"), { revisionId: drafted.revision.id, version: saved.version });
    await sendRevision(commander, { revisionId: drafted.revision.id, origin: ORIGIN }, sendOptions);
    const action = await db.delivery.findFirstOrThrow({ where: { revisionId: drafted.revision.id, template: "action_items" } });
    expect(action).toMatchObject({ recipient: owner.actor.label, reason: "action-item owner", subject: `[ACTION REQUIRED] ${drafted.key}: ${drafted.incident.title}` });
    expect(action.text).toContain("Add a pool canary — due 2026-12-14");

    await db.incident.update({ where: { id: drafted.incident.id }, data: { status: "resolved", resolvedAt: drafted.at(60) } });
    await redraftIncident(db, drafted.incident.id, { now: drafted.at(120) });
    const update = await db.reportRevision.findFirstOrThrow({ where: { incidentId: drafted.incident.id, kind: "status_update" }, orderBy: { number: "desc" } });
    expect((update.sections as { status: { value: string } }).status.value).toBe("resolved");
    await approveRevision(commander, { revisionId: update.id, version: update.version });
    await sendRevision(commander, { revisionId: update.id, origin: ORIGIN }, sendOptions);
    const notice = await db.delivery.findFirstOrThrow({ where: { revisionId: update.id } });
    expect(notice.template).toBe("resolution");
    expect(notice.text).toContain("Resolved");
  });
});

describe("an edit racing the approval itself", () => {
  it("either the approval fails or the edit voids it; the send then carries only approved content", async () => {
    for (let round = 0; round < 5; round += 1) {
      const drafted = await createDraftedIncident(db, { tags: ["customer-facing"] });
      const [approver, editor] = [await createActorCtx(db, "COMMANDER"), await createActorCtx(db, "RESPONDER")];
      const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: drafted.incident.id, kind: "trigger" } });
      await Promise.allSettled([
        approveRevision(approver, { revisionId: drafted.revision.id, version: drafted.revision.version }),
        updateDraftSection(editor, { revisionId: drafted.revision.id, section: "summary", content: { statements: [{ text: `Late words ${round}`, citations: [trigger.id] }] }, version: drafted.revision.version }),
      ]);
      const send = await sendRevision(approver, { revisionId: drafted.revision.id, origin: ORIGIN }, sendOptions).catch((e: { code: string }) => e);
      const after = await db.reportRevision.findUniqueOrThrow({ where: { id: drafted.revision.id } });
      const deliveries = await db.delivery.findMany({ where: { revisionId: drafted.revision.id } });
      const standing = await db.approval.findFirst({ where: { revisionId: drafted.revision.id, voidedAt: null } });
      if ("state" in send) {
        expect(standing?.contentHash).toBe(after.contentHash);
        expect(deliveries.every((d) => d.contentHash === standing?.contentHash)).toBe(true);
      } else {
        expect(send.code).toBe("CONFLICT");
        expect(deliveries).toEqual([]);
      }
    }
  });
});

describe("several approved messages for one incident", () => {
  it("sends an approved report and an approved status update one after the other, both approvals holding", async () => {
    const { revision, commander, incident } = await approvedIncident();
    const update = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "status_update" }, orderBy: { number: "desc" } });
    await approveRevision(commander, { revisionId: update.id, version: update.version });
    await sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions);
    // The first send made the update a reply in the thread; that is not a change the approver must see again.
    expect(await sendRevision(commander, { revisionId: update.id, origin: ORIGIN }, sendOptions)).toMatchObject({ state: "sent" });
  });

  it("keeps an approved status update's basis, so resolving the incident still drafts the resolution update", async () => {
    const { commander, incident, at } = await approvedIncident();
    const update = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "status_update" }, orderBy: { number: "desc" } });
    await approveRevision(commander, { revisionId: update.id, version: update.version });
    await db.incident.update({ where: { id: incident.id }, data: { status: "resolved", resolvedAt: at(80) } });
    await redraftIncident(db, incident.id, { now: at(100) });
    const approved = await db.reportRevision.findUniqueOrThrow({ where: { id: update.id } });
    expect(approved.state).toBe("approved");
    expect((approved.meta as { basis: { status: string } }).basis.status).not.toBe("resolved");
    expect(Object.keys((approved.meta as { suggestions: object }).suggestions)).toContain("status");
    await sendRevision(commander, { revisionId: update.id, origin: ORIGIN }, sendOptions);
    await redraftIncident(db, incident.id, { now: at(101) });
    const next = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "status_update" }, orderBy: { number: "desc" } });
    expect(next.number).toBe(update.number + 1);
    expect((next.sections as { status: { value: string } }).status.value).toBe("resolved");
  });
});
