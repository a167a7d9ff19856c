import { describe, expect, it } from "vitest";
import { buildHistoryThread, type ThreadInput } from "./build-history-thread";

const t = (minute: number) => new Date(Date.UTC(2026, 10, 29, 10, minute));
const sections = (text: string) => ({ summary: { statements: [{ text, citations: ["e1"] }] } });
const audit = (id: number, minute: number, action: string, extra: Partial<ThreadInput["audit"][number]> = {}): ThreadInput["audit"][number] => ({
  id: String(id), at: t(minute), actorType: "user", actorId: "u1", actorLabel: "dana@example.com", action, targetId: "r1", before: null, after: null, hash: `h${id}`, ...extra,
});

function input(): ThreadInput {
  return {
    incident: { key: "INC-7", createdAt: t(0) },
    revisions: [
      { id: "r1", kind: "report", number: 1, state: "rejected", createdAt: t(1), authorType: "machine", authorName: null, tokenName: null, writer: "rules", basedOnId: null, sections: sections("Old.") },
      { id: "r2", kind: "report", number: 2, state: "sent", createdAt: t(6), authorType: "machine", authorName: null, tokenName: null, writer: "rules", basedOnId: "r1", sections: sections("New.") },
    ],
    approvals: [
      { id: "a1", revisionId: "r1", createdAt: t(3), approverName: "Dana", approverEmail: "dana@example.com", voidedAt: t(4), voidReason: "edited after approval by dana@example.com" },
      { id: "a2", revisionId: "r2", createdAt: t(7), approverName: "Dana", approverEmail: "dana@example.com", voidedAt: null, voidReason: null },
    ],
    deliveries: [
      { id: "d2", revisionId: "r2", template: "incident_report", recipient: "z@example.com", reason: "Executives", status: "failed", subject: "INC-7: down", messageId: "<2@x>", attempts: 3, lastError: "mailbox full", sentAt: null, createdAt: t(8) },
      { id: "d1", revisionId: "r2", template: "incident_report", recipient: "a@example.com", reason: "Executives", status: "sent", subject: "INC-7: down", messageId: "<1@x>", attempts: 1, lastError: null, sentAt: t(9), createdAt: t(8) },
    ],
    audit: [
      audit(1, 1, "revision.draft", { actorType: "system", actorId: null, actorLabel: "drafter" }),
      audit(2, 2, "revision.edit", { before: { summary: sections("Draft.").summary, state: "draft" }, after: { summary: sections("Old.").summary, state: "in_review" } }),
      audit(3, 3, "revision.approve", { after: { approvalId: "a1" } }),
      audit(4, 4, "revision.edit", { before: { summary: sections("Old.").summary, state: "approved" }, after: { summary: sections("Older.").summary, state: "in_review", voidedApprovals: ["a1"] } }),
      audit(5, 5, "incident.merge", { targetId: "inc-3", after: { from: "INC-3", into: "INC-7", entriesMoved: 4, duplicatesDropped: 0 } }),
      audit(6, 8, "revision.send", { targetId: "r2", after: { deliveries: 2, recipients: ["a@example.com", "z@example.com"] } }),
      audit(7, 9, "delivery.sent", { targetId: "d1", actorType: "system", actorId: null, actorLabel: "mailer" }),
      audit(8, 10, "incident.update", { targetId: "inc", actorType: "integration", actorId: null, actorLabel: "pagerduty", before: { status: "monitoring" }, after: { status: "resolved" } }),
    ],
    userNames: new Map([["u1", "Dana"]]),
    evidenceLabel: () => "1",
  };
}

describe("buildHistoryThread", () => {
  it("tells the story oldest first, folding audit rows that restate a revision, an approval or an email", () => {
    const thread = buildHistoryThread(input());
    expect(thread.map((i) => i.action)).toEqual([
      "incident.opened",
      "revision.created",
      "revision.edit",
      "approval.given",
      "approval.voided",
      "revision.edit",
      "incident.merge",
      "revision.created",
      "approval.given",
      "revision.send",
      "incident.update",
    ]);
    expect(thread.every((i, k) => k === 0 || thread[k - 1]!.at <= i.at)).toBe(true);
  });

  it("says who: people by name, the machine by its label", () => {
    const thread = buildHistoryThread(input());
    expect(thread.find((i) => i.action === "revision.created")!.actor).toEqual({ kind: "machine", label: "drafter", detail: "rules" });
    expect(thread.find((i) => i.action === "revision.edit")!.actor).toEqual({ kind: "human", label: "Dana", detail: "dana@example.com" });
    expect(thread.find((i) => i.action === "incident.update")).toMatchObject({ kind: "status", title: "Status monitoring → resolved", actor: { kind: "machine", label: "pagerduty", detail: "integration" } });
  });

  it("marks a voided approval, with when, why and whose edit voided it", () => {
    const thread = buildHistoryThread(input());
    const given = thread.find((i) => i.id === "approval:a1")!;
    expect(given.voided).toEqual({ at: t(4), reason: "edited after approval by dana@example.com" });
    expect(given.details[0]).toMatch(/^VOIDED 2026-11-29 10:04 UTC/);
    expect(thread.find((i) => i.id === "approval-void:a1")).toMatchObject({ kind: "approval_voided", actor: { label: "Dana" }, revision: { kind: "report", number: 1 } });
    expect(thread.find((i) => i.id === "approval:a2")!.voided).toBeNull();
  });

  it("gives an edit its diff and a new revision what differs from the one it is based on", () => {
    const thread = buildHistoryThread(input());
    const edit = thread.find((i) => i.action === "revision.edit")!;
    expect(edit.diff).toMatchObject({ name: "summary", added: 1, removed: 1 });
    expect(thread.filter((i) => i.action === "revision.created")[1]!.details).toEqual(["Based on r1; differs in: Summary", "State now: sent"]);
  });

  it("hangs each send's emails on it, per template, with every recipient's status", () => {
    const send = buildHistoryThread(input()).find((i) => i.action === "revision.send")!;
    expect(send.deliveries).toHaveLength(1);
    expect(send.deliveries[0]).toMatchObject({ template: "incident_report", counts: { sent: 1, failed: 1, queued: 0, sending: 0 } });
    expect(send.deliveries[0]!.recipients.map((r) => [r.recipient, r.status, r.lastError])).toEqual([
      ["a@example.com", "sent", null],
      ["z@example.com", "failed", "mailbox full"],
    ]);
  });

  it("shows emails without a send event (imported history) as their own item", () => {
    const rows = input();
    rows.audit = rows.audit.filter((e) => e.action !== "revision.send");
    const thread = buildHistoryThread(rows);
    expect(thread.find((i) => i.action === "deliveries")).toMatchObject({ at: t(8), title: "Emails for report r2 (incident report)", actor: null });
  });
});
