import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { getIncident } from "@/lib/incidents/get-incident";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { createShareLink } from "@/lib/stakeholder/create-share-link";
import { getStakeholderView } from "@/lib/stakeholder/get-stakeholder-view";
import { listShareLinks } from "@/lib/stakeholder/list-share-links";
import { readIncident } from "@/lib/stakeholder/read-incident";
import { checkShareLinkVersion, openShareLink } from "@/lib/stakeholder/open-share-link";
import { revokeShareLink } from "@/lib/stakeholder/revoke-share-link";
import { formatShareToken, newShareLinkId } from "@/lib/stakeholder/share-token";
import { createActorCtx } from "../helpers/actors";
import { approveDraftedIncident, createSendingLists } from "../helpers/approved-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";

// getEnv() reads AUTH_SECRET on first use; the share-link verbs sign with it.
const SECRET = (process.env.AUTH_SECRET ??= "stakeholder-test-secret-0123456789abcdef");
const DRAFT_MARKER = "DRAFT-MARKER-9f1c";
const INTERNAL_MARKER = "INTERNAL-EVIDENCE-MARKER-77ab";
const RECIPIENT_MARKER = "excluded-recipient-marker-31";
const sendOptions = { emailFrom: "Sitrep <incidents@sitrep.test>", enqueue: async () => {} };

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  await createSendingLists(db);
});
afterAll(() => drop());

/** An incident whose r1 report was approved and sent, whose cited trigger holds internal text, and whose newer draft holds a marker. */
async function incidentWithApprovedReportAndNewerDraft() {
  const approved = await approveDraftedIncident(db);
  await sendRevision(approved.commander, { revisionId: approved.revision.id, origin: "https://sitrep.test" }, sendOptions);
  // Evidence is internal unless marked otherwise: the approved summary cites this trigger.
  await db.timelineEntry.update({ where: { id: approved.trigger.id }, data: { text: `${INTERNAL_MARKER}: checkout-api 5xx above 5% on pod checkout-7f9` } });
  await db.timelineEntry.create({ data: { incidentId: approved.incident.id, at: new Date(), kind: "note", source: "Slack #inc", text: `${INTERNAL_MARKER} customer list in bucket s3://x`, authorType: "human" } });
  const r1 = await db.reportRevision.findUniqueOrThrow({ where: { id: approved.revision.id } });
  const sections = { ...(r1.sections as Record<string, unknown>), summary: { statements: [{ text: `${DRAFT_MARKER} we think it was the deploy`, citations: [] }] } };
  await db.reportRevision.create({ data: { incidentId: approved.incident.id, kind: "report", number: r1.number + 1, sections, contentHash: "draft-hash", authorType: "machine", state: "draft" } });
  await db.incident.update({ where: { id: approved.incident.id }, data: { excludedRecipients: [`${RECIPIENT_MARKER}@example.com`], extraRecipients: [`${RECIPIENT_MARKER}-extra@example.com`] } });
  const statusUpdate = await db.reportRevision.findFirstOrThrow({ where: { incidentId: approved.incident.id, kind: "status_update" } });
  await db.reportRevision.update({ where: { id: statusUpdate.id }, data: { sections: { ...(statusUpdate.sections as Record<string, unknown>), status: { value: "investigating", statements: [{ text: `${DRAFT_MARKER} status`, citations: [] }] } } } });
  return approved;
}

describe("stakeholder content", () => {
  it("a VIEWER and a share link see the approved and sent report, never a draft or internal evidence text", async () => {
    const { key, incident, commander } = await incidentWithApprovedReportAndNewerDraft();
    const viewer = await createActorCtx(db, "VIEWER");
    const link = await createShareLink(commander, { key, label: "Customer success", expiresInHours: 24 });
    const responses: Record<string, unknown> = {
      view: await getStakeholderView(viewer, { key }),
      share: await openShareLink({ token: link.token }, { db, secret: SECRET }),
      incidentApi: await readIncident(viewer, { key }),
      list: await listIncidents(viewer, {}),
    };
    for (const [name, response] of Object.entries(responses)) {
      const text = JSON.stringify(response);
      expect(text, name).not.toContain(DRAFT_MARKER);
      expect(text, name).not.toContain(INTERNAL_MARKER);
      expect(text, name).not.toContain(RECIPIENT_MARKER);
      expect(text, name).toContain(incident.title);
    }
    // The search above can fail: the approved words are there, the internal evidence only by source and time.
    const view = responses.view as Awaited<ReturnType<typeof getStakeholderView>>;
    expect(JSON.stringify(view.report)).toContain(`IC-wording-${key}`);
    expect(view.report).toMatchObject({ number: 1, sentAt: expect.any(Date) });
    expect(view.report!.content.footnotes[0]).toMatchObject({ n: 1, source: expect.any(String), text: "" });
    expect(view.updates.map((u) => [u.kind, u.number])).toEqual([["report", 1]]);
    await expect(getIncident(viewer, { key })).resolves.toMatchObject({ drafts: null, timeline: null });
  });

  it("an unapproved edit takes the report off the stakeholder page until it is approved again", async () => {
    const approved = await approveDraftedIncident(db);
    const viewer = await createActorCtx(db, "VIEWER");
    expect((await getStakeholderView(viewer, { key: approved.key })).report).toMatchObject({ number: 1, sentAt: null });
    const revision = await db.reportRevision.findUniqueOrThrow({ where: { id: approved.revision.id } });
    const edited = await updateDraftSection(approved.commander, { revisionId: revision.id, section: "summary", content: { statements: [{ text: `${DRAFT_MARKER} unapproved`, citations: [approved.trigger.id] }] }, version: revision.version });
    const after = await getStakeholderView(viewer, { key: approved.key });
    expect(after.report).toBeNull();
    expect(JSON.stringify(after)).not.toContain(DRAFT_MARKER);
    await approveRevision(approved.commander, { revisionId: revision.id, version: edited.version });
    expect(JSON.stringify((await getStakeholderView(viewer, { key: approved.key })).report)).toContain(DRAFT_MARKER);
  });
});

describe("share links", () => {
  it("are created by a commander with one audit row, refused to responders and viewers, and list with their URL", async () => {
    const { key, incident, commander } = await approveDraftedIncident(db);
    const before = await db.auditEvent.count();
    const link = await createShareLink(commander, { key, label: "  Acme status  ", expiresInHours: "48" });
    expect(link).toMatchObject({ label: "Acme status", token: formatShareToken(SECRET, link.id) });
    const audit = await db.auditEvent.findMany({ where: { id: { gt: BigInt(0) } }, orderBy: { id: "desc" }, take: 1 });
    expect(await db.auditEvent.count()).toBe(before + 1);
    expect(audit[0]).toMatchObject({ action: "share_link.create", targetId: link.id, incidentId: incident.id, actorId: commander.actor.id, requestId: commander.requestId });
    expect(JSON.stringify(audit[0]!.after)).not.toContain(link.token.split(".")[1]);
    for (const role of ["RESPONDER", "VIEWER"] as const) {
      const ctx = await createActorCtx(db, role);
      await expect(createShareLink(ctx, { key, label: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(revokeShareLink(ctx, { id: link.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listShareLinks(ctx, { incidentId: incident.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createShareLink(commander, { key, label: "", expiresInHours: 24 })).rejects.toThrow(/who the link is for/);
    await expect(createShareLink(commander, { key, label: "x", expiresInHours: 24 * 91 })).rejects.toThrow(/90 days/);
    await expect(createShareLink(commander, { key: "INC-999999", label: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listShareLinks(commander, { incidentId: incident.id })).toEqual([expect.objectContaining({ id: link.id, state: "active", path: `/status/${link.token}` })]);
  });

  it("count views, audit their use once a minute, and refuse guessed, foreign, revoked and expired tokens alike", async () => {
    const { key, commander } = await approveDraftedIncident(db);
    const link = await createShareLink(commander, { key, label: "Exec team", expiresInHours: 24 });
    const t0 = new Date();
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    // A reader coming back every 30 seconds for 4.5 minutes: every view counted, audited at most once a
    // minute (at 0, 90, 180 and 270 s), however steadily the link is used.
    for (let s = 0; s <= 270; s += 30) await openShareLink({ token: link.token }, { db, secret: SECRET, now: at(s) });
    // Ten requests racing in one instant claim the minute once.
    await Promise.all(Array.from({ length: 10 }, () => openShareLink({ token: link.token }, { db, secret: SECRET, now: at(400) })));
    expect(await checkShareLinkVersion({ token: link.token }, { db, secret: SECRET, now: at(401) })).toEqual({ version: expect.any(String), status: "monitoring" });
    expect(await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ views: 20 });
    const views = await db.auditEvent.findMany({ where: { action: "share_link.view", targetId: link.id }, orderBy: { id: "asc" } });
    expect(views).toHaveLength(5);
    expect(views[0]).toMatchObject({ actorType: "token", actorId: link.id, actorLabel: "share link “Exec team”" });

    const audits = await db.auditEvent.count();
    const guessed = [formatShareToken("not-the-secret-not-the-secret-000000", link.id), formatShareToken(SECRET, newShareLinkId()), `${link.token}x`, "INC-1", ""];
    for (const token of guessed) {
      await expect(openShareLink({ token }, { db, secret: SECRET })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This page does not exist or is no longer shared." });
      await expect(checkShareLinkVersion({ token }, { db, secret: SECRET })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.auditEvent.count()).toBe(audits);

    const gone = { code: "NOT_FOUND", message: "This page does not exist or is no longer shared." };
    await expect(openShareLink({ token: link.token }, { db, secret: SECRET, now: at(25 * 3600) })).rejects.toMatchObject(gone);
    await expect(checkShareLinkVersion({ token: link.token }, { db, secret: SECRET, now: at(25 * 3600) })).rejects.toMatchObject(gone);
    expect(await revokeShareLink(commander, { id: link.id })).toMatchObject({ changed: true });
    expect(await revokeShareLink(commander, { id: link.id })).toMatchObject({ changed: false });
    await Promise.all(Array.from({ length: 5 }, () => expect(openShareLink({ token: link.token }, { db, secret: SECRET, now: at(26 * 3600) })).rejects.toMatchObject(gone)));
    await expect(checkShareLinkVersion({ token: link.token }, { db, secret: SECRET })).rejects.toMatchObject(gone);
    const trail = await db.auditEvent.findMany({ where: { targetId: link.id, action: { not: "share_link.view" } }, orderBy: { id: "asc" }, select: { action: true, after: true } });
    expect(trail.map((e) => e.action)).toEqual(["share_link.create", "share_link.refused", "share_link.revoke", "share_link.refused"]);
    expect(trail[1]!.after).toEqual({ reason: "expired" });
    expect(trail[3]!.after).toEqual({ reason: "revoked" });
    expect(await listShareLinks(commander, { incidentId: (await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).incidentId })).toEqual([expect.objectContaining({ state: "revoked", path: null })]);
    await expect(revokeShareLink(commander, { id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
