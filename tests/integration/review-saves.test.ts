import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { DraftSections } from "@/lib/drafting/types";
import { hashSections } from "@/lib/reports/revision-meta";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { updateReviewPolicy } from "@/lib/reviews/update-review-policy";
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

describe("saving sections concurrently", () => {
  it("refuses a stale save of the same section with the other person's text, and lets a stale save of another section through", async () => {
    const { revision, incident } = await createDraftedIncident(db);
    const [a, b] = [await createActorCtx(db, "RESPONDER"), await createActorCtx(db, "COMMANDER")];
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    const sections = revision.sections as unknown as DraftSections;
    const base = { summary: hashSections(sections.summary), remediation: hashSections(sections.remediation) };
    await updateDraftSection(a, { revisionId: revision.id, section: "summary", content: summaryOf("A's summary.", [trigger.id]), version: revision.version, baseHash: base.summary });
    const conflict = await updateDraftSection(b, { revisionId: revision.id, section: "summary", content: summaryOf("B's summary.", [trigger.id]), version: revision.version, baseHash: base.summary }).catch((e: unknown) => e);
    expect(conflict).toMatchObject({ code: "CONFLICT", details: { field: "summary", theirs: summaryOf("A's summary.", [trigger.id]), editedBy: expect.stringContaining("RESPONDER") } });
    expect(((await reload(revision.id)).sections as unknown as DraftSections).summary.statements[0]!.text).toBe("A's summary.");
    // B's edit of a section A did not touch is no conflict, although the version moved on.
    const other = await updateDraftSection(b, { revisionId: revision.id, section: "remediation", content: summaryOf("B's remediation.", [trigger.id]), version: revision.version, baseHash: base.remediation });
    expect(other.version).toBe(revision.version + 2);
    // Without a base hash, any stale version is a conflict.
    await expect(updateDraftSection(b, { revisionId: revision.id, section: "impact", content: sections.impact, version: revision.version })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("gives field-level refusals for impossible times and oversized pastes, and keeps the stored text", async () => {
    const { revision } = await createDraftedIncident(db);
    const responder = await createActorCtx(db, "RESPONDER");
    const impact = (revision.sections as unknown as DraftSections).impact;
    await expect(updateDraftSection(responder, { revisionId: revision.id, section: "impact", content: { ...impact, endedAt: "2026-01-01T00:00:00.000Z" }, version: revision.version })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      details: { field: "impact.endedAt" },
      message: expect.stringContaining("resolved before it started"),
    });
    await expect(updateDraftSection(responder, { revisionId: revision.id, section: "summary", content: { statements: [{ text: "x".repeat(6000), citations: [] }] }, version: revision.version })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      details: { field: "summary.statements.0.text" },
    });
    expect((await reload(revision.id)).contentHash).toBe(revision.contentHash);
  });

  it("keeps confirming a root cause to commanders", async () => {
    const { revision } = await createDraftedIncident(db);
    const rootCause = { ...(revision.sections as unknown as DraftSections).rootCause, status: "confirmed" };
    await expect(updateDraftSection(await createActorCtx(db, "RESPONDER"), { revisionId: revision.id, section: "rootCause", content: rootCause, version: revision.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await updateDraftSection(await createActorCtx(db, "COMMANDER"), { revisionId: revision.id, section: "rootCause", content: { ...rootCause, chosen: 0 }, version: revision.version })).toMatchObject({ state: "in_review" });
  });
});

describe("a page that polled a newer version but edited from an older text", () => {
  it("is still refused: the base hash, not the version, says what the editor started from", async () => {
    const { revision, incident } = await createDraftedIncident(db);
    const [a, b] = [await createActorCtx(db, "COMMANDER"), await createActorCtx(db, "RESPONDER")];
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    const base = hashSections((revision.sections as unknown as DraftSections).summary);
    const first = await updateDraftSection(a, { revisionId: revision.id, section: "summary", content: summaryOf("A first.", [trigger.id]), version: revision.version, baseHash: base });
    await expect(updateDraftSection(b, { revisionId: revision.id, section: "summary", content: summaryOf("B over A.", [trigger.id]), version: first.version, baseHash: base })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await updateDraftSection(b, { revisionId: revision.id, section: "summary", content: summaryOf("B after merging.", [trigger.id]), version: first.version, baseHash: first.sectionHash })).toMatchObject({ version: first.version + 1 });
  });
});

describe("the two-person rule and API tokens", () => {
  it("counts a token's edit as its creator's, and an ownerless token's edit as no one's", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await updateReviewPolicy(admin, { severity: "SEV3", twoPersonRule: true });
    const commander = await createActorCtx(db, "COMMANDER");
    const other = await createActorCtx(db, "COMMANDER");
    const owned = await db.apiToken.create({ data: { name: "ic-script", tokenHash: `h-${Date.now()}-1`, prefix: "sitrep_x", role: "RESPONDER", createdById: commander.actor.id } });
    const ownerless = await db.apiToken.create({ data: { name: "cli-bot", tokenHash: `h-${Date.now()}-2`, prefix: "sitrep_y", role: "RESPONDER" } });
    for (const [token, mayApprove] of [[owned, other], [ownerless, null]] as const) {
      const { revision, incident } = await createDraftedIncident(db, { severity: "SEV3" });
      await db.incident.update({ where: { id: incident.id }, data: { severity: "SEV3" } });
      const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
      const viaToken = { db, actor: { type: "token" as const, id: token.id, label: token.name, role: "RESPONDER" as const } };
      const saved = await updateDraftSection(viaToken, { revisionId: revision.id, section: "summary", content: summaryOf("Written by a script.", [trigger.id]), version: revision.version });
      expect(await reload(revision.id)).toMatchObject({ lastEditedById: token.createdById, lastEditedByTokenId: token.id });
      await expect(approveRevision(commander, { revisionId: revision.id, version: saved.version })).rejects.toMatchObject({ code: "FORBIDDEN", details: { rule: "two-person" } });
      if (mayApprove) expect(await approveRevision(mayApprove, { revisionId: revision.id, version: saved.version })).toMatchObject({ state: "approved" });
      else await expect(approveRevision(other, { revisionId: revision.id, version: saved.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await updateReviewPolicy(admin, { severity: "SEV3", twoPersonRule: false });
  });
});

describe("action item owners", () => {
  it("must be active users who can act", async () => {
    const { revision } = await createDraftedIncident(db);
    const commander = await createActorCtx(db, "COMMANDER");
    const viewer = await createActorCtx(db, "VIEWER");
    const item = (ownerId: string) => ({ items: [{ title: "Add a canary", owner: null, ownerId, dueSuggestion: null, dueAt: null, status: "open", citations: [] }] });
    await expect(updateDraftSection(commander, { revisionId: revision.id, section: "actionItems", content: item(viewer.actor.id), version: revision.version })).rejects.toMatchObject({ code: "UNPROCESSABLE", details: { field: "actionItems.items" } });
    await expect(updateDraftSection(commander, { revisionId: revision.id, section: "actionItems", content: item("no-such-user"), version: revision.version })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    expect(await updateDraftSection(commander, { revisionId: revision.id, section: "actionItems", content: item(commander.actor.id), version: revision.version })).toMatchObject({ state: "in_review" });
  });
});
