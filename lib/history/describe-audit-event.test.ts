import { describe, expect, it } from "vitest";
import { describeAuditEvent, readable } from "./describe-audit-event";

const on = { incidentKey: "INC-5", revision: { kind: "report" as const, number: 2 } };

describe("describeAuditEvent", () => {
  it("reads a status change recomputed from the timeline", () => {
    const said = describeAuditEvent({ action: "incident.update", before: { status: "monitoring", resolvedAt: null }, after: { status: "resolved", resolvedAt: "2026-11-29T10:40:00.000Z" } }, on);
    expect(said).toMatchObject({ kind: "status", title: "Status monitoring → resolved", details: ["Status: monitoring → resolved", "Resolved: — → 2026-11-29 10:40 UTC"] });
  });

  it("reads share links: created for whom and until when, revoked, refused", () => {
    expect(describeAuditEvent({ action: "share_link.create", before: null, after: { label: "Acme", expiresAt: "2026-12-09T01:00:00.000Z" } }, on)).toMatchObject({ kind: "share", title: "Share link created for Acme", details: ["Valid until 2026-12-09 01:00 UTC"] });
    expect(describeAuditEvent({ action: "share_link.revoke", before: { revokedAt: null }, after: { label: "Acme" } }, on)).toMatchObject({ kind: "share", title: "Share link for Acme revoked" });
    expect(describeAuditEvent({ action: "share_link.refused", before: null, after: { reason: "expired" } }, on)).toMatchObject({ title: "Refused a share link: expired" });
  });

  it("tells a merge's source from its target, and links the other incident", () => {
    const summary = { from: "INC-4", into: "INC-5", entriesMoved: 3, duplicatesDropped: 1 };
    expect(describeAuditEvent({ action: "incident.merge", before: null, after: summary }, on)).toMatchObject({ kind: "merge", title: "INC-4 merged into this incident", relatedIncident: "INC-4" });
    expect(describeAuditEvent({ action: "incident.merge", before: { mergedIntoId: null }, after: summary }, { ...on, incidentKey: "INC-4" })).toMatchObject({ title: "Merged into INC-5", relatedIncident: "INC-5", details: ["3 evidence entries moved, 1 duplicates dropped"] });
  });

  it("reads the one merge event both incidents share, with the target's re-derived status", () => {
    const event = { action: "incident.merge", before: { mergedIntoId: null, into: { status: "identified" } }, after: { from: "INC-4", into: "INC-5", entriesMoved: 3, duplicatesDropped: 0, mergedIntoId: "i5", derived: { status: "resolved" } } };
    expect(describeAuditEvent(event, on)).toMatchObject({ title: "INC-4 merged into this incident; status identified → resolved", details: ["3 evidence entries moved, 0 duplicates dropped", "Status: identified → resolved"] });
    expect(describeAuditEvent(event, { ...on, incidentKey: "INC-4" })).toMatchObject({ title: "Merged into INC-5", details: ["3 evidence entries moved, 0 duplicates dropped"] });
  });

  it("reads the one split event from the original and from the new incident", () => {
    const event = { action: "incident.split", before: { source: { status: "resolved" } }, after: { from: "INC-5", into: "INC-6", entriesMoved: 2, linksMoved: 1, title: "DNS", createdId: "i6", source: { status: "investigating" }, created: { status: "triggered" } } };
    expect(describeAuditEvent(event, on)).toMatchObject({ kind: "split", title: "Split: evidence moved to new INC-6; status resolved → investigating", relatedIncident: "INC-6" });
    expect(describeAuditEvent(event, { ...on, incidentKey: "INC-6" })).toMatchObject({ kind: "split", title: "Split off from INC-5; status — → triggered", relatedIncident: "INC-5" });
  });

  it("shows a status that added evidence re-derived", () => {
    const said = describeAuditEvent({ action: "evidence.add", before: { status: "monitoring" }, after: { format: "note", received: 1, added: 1, derived: { status: "resolved" } } }, on);
    expect(said).toMatchObject({ kind: "evidence", title: "Evidence added (note); status monitoring → resolved", details: ["1 of 1 items new", "Status: monitoring → resolved"] });
  });

  it("reads both sides of a split (as older events wrote it, one per incident)", () => {
    const summary = { from: "INC-5", into: "INC-6", entriesMoved: 2, linksMoved: 1 };
    expect(describeAuditEvent({ action: "incident.split", before: null, after: summary }, on)).toMatchObject({ kind: "split", title: "Split: evidence moved to new INC-6", relatedIncident: "INC-6" });
    expect(describeAuditEvent({ action: "incident.create", before: null, after: { ...summary, title: "DNS" } }, { ...on, incidentKey: "INC-6" })).toMatchObject({ kind: "split", title: "Split off from INC-5", relatedIncident: "INC-5" });
    expect(describeAuditEvent({ action: "incident.create", before: null, after: { number: 6, title: "DNS", severity: "SEV2", source: "pagerduty" } }, on)).toMatchObject({ kind: "incident", title: "Incident opened", details: ["From pagerduty", "Severity SEV2"] });
  });

  it("names the edited section, its content before and after, and the approvals it voided", () => {
    const before = { statements: [{ text: "Old.", citations: [] }] };
    const after = { statements: [{ text: "New.", citations: [] }] };
    const said = describeAuditEvent({ action: "revision.edit", before: { rootCause: before, state: "approved" }, after: { rootCause: after, state: "in_review", voidedApprovals: ["a1"] } }, on);
    expect(said).toMatchObject({ kind: "edit", title: "Edited Root cause of report r2", details: ["State approved → in_review", "Voided 1 standing approval"], section: { name: "rootCause", before, after } });
  });

  it("reads reviews and sends, and falls back to the action for anything else", () => {
    expect(describeAuditEvent({ action: "revision.reject", before: null, after: { state: "rejected", reason: "Wrong service" } }, on)).toMatchObject({ kind: "review", title: "Rejected report r2", details: ["Reason: Wrong service"] });
    expect(describeAuditEvent({ action: "revision.send", before: null, after: { deliveries: 3, recipients: ["a@x", "b@x"] } }, on)).toMatchObject({ kind: "send", details: ["3 emails to 2 recipients"] });
    expect(describeAuditEvent({ action: "widget.frob", before: null, after: { n: 1 } }, { incidentKey: "INC-5", revision: null })).toMatchObject({ kind: "other", title: "widget.frob", details: ['{"n":1}'] });
  });
});

describe("readable", () => {
  it("writes times in UTC to the minute, lists with commas, nothing as a dash", () => {
    expect(readable(new Date("2026-11-29T10:40:12Z"))).toBe("2026-11-29 10:40 UTC");
    expect(readable(["a", "b"])).toBe("a, b");
    expect(readable([])).toBe("none");
    expect(readable(null)).toBe("—");
  });
});
