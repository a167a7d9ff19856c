import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { DraftSections } from "@/lib/drafting/types";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { previewRevisionEmails } from "@/lib/reviews/preview-revision-emails";
import { recordReviewPresence } from "@/lib/reviews/record-review-presence";
import { createActorCtx } from "../helpers/actors";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
});
afterAll(() => drop());

describe("the review queue", () => {
  it("puts the most severe first, then the oldest; filters by severity, tag and mine", async () => {
    const commander = await createActorCtx(db, "COMMANDER");
    const sev3 = await createDraftedIncident(db, { severity: "SEV3", tags: ["search"] });
    const sev1 = await createDraftedIncident(db, { severity: "SEV1", tags: ["payments"], commanderId: commander.actor.id });
    const queue = await listReviewQueue(commander);
    const keys = queue.map((i) => `${i.incident.key}:${i.kind}`);
    expect(keys.indexOf(`${sev1.key}:report`)).toBeLessThan(keys.indexOf(`${sev3.key}:report`));
    expect(queue.filter((i) => i.incident.key === sev1.key).map((i) => i.kind).sort()).toEqual(["report", "status_update"]);
    expect((await listReviewQueue(commander, { severity: "SEV3" })).every((i) => i.incident.severity === "SEV3")).toBe(true);
    expect((await listReviewQueue(commander, { tag: "search" })).map((i) => i.incident.key)).toContain(sev3.key);
    expect((await listReviewQueue(commander, { tag: "search" })).map((i) => i.incident.key)).not.toContain(sev1.key);
    const mine = await listReviewQueue(commander, { mine: "true" });
    expect(new Set(mine.map((i) => i.incident.key))).toEqual(new Set([sev1.key]));
    await expect(listReviewQueue(await createActorCtx(db, "VIEWER"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("says what changed since this person last looked, and who has it open now", async () => {
    const { revision, incident } = await createDraftedIncident(db, { severity: "SEV2" });
    const commander = await createActorCtx(db, "COMMANDER");
    const responder = await createActorCtx(db, "RESPONDER");
    const item = async () => (await listReviewQueue(commander)).find((i) => i.id === revision.id)!;
    expect((await item()).seen).toBeNull();
    // The commander has the review page open: the heartbeat records what they saw.
    await recordReviewPresence(commander, { revisionId: revision.id, version: revision.version });
    expect((await item()).seen).toMatchObject({ changedSections: [] });
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    const impact = (revision.sections as unknown as DraftSections).impact;
    await updateDraftSection(responder, { revisionId: revision.id, section: "impact", content: { ...impact, statements: [{ text: "About 1,900 checkouts failed.", citations: [trigger.id] }] }, version: revision.version });
    expect((await item()).seen!.changedSections).toEqual(["impact"]);
    // Both people see each other while their pages beat.
    const fromResponder = await recordReviewPresence(responder, { revisionId: revision.id, version: revision.version + 1, section: "impact" });
    expect(fromResponder.others.map((o) => o.userId)).toEqual([commander.actor.id]);
    const fromCommander = await recordReviewPresence(commander, { revisionId: revision.id, version: revision.version + 1 });
    expect(fromCommander.others).toEqual([expect.objectContaining({ userId: responder.actor.id, section: "impact" })]);
    expect((await item()).editors).toEqual([{ name: expect.stringContaining("RESPONDER"), section: "impact" }]);
    expect((await item()).seen!.changedSections).toEqual([]);
  });

  it("drops approved revisions from the queue", async () => {
    const { revision } = await createDraftedIncident(db);
    const commander = await createActorCtx(db, "COMMANDER");
    await approveRevision(commander, { revisionId: revision.id, version: revision.version });
    expect((await listReviewQueue(commander)).map((i) => i.id)).not.toContain(revision.id);
  });
});

describe("the email preview", () => {
  it("renders each matching list's email with its recipients, HTML in evidence kept as text", async () => {
    await db.distributionList.createMany({
      data: [
        { name: "Executives", recipients: ["cto@example.com"], severities: ["SEV1", "SEV2"], categories: ["outage"], tags: [] },
        { name: "Support", recipients: ["support@example.com", "CTO@example.com"], severities: [], categories: [], tags: ["customer-facing"] },
        { name: "Search team", recipients: ["search@example.com"], severities: [], categories: [], tags: ["search"] },
      ],
    });
    const { revision, incident } = await createDraftedIncident(db, { severity: "SEV2", tags: ["customer-facing"], title: "Checkout <script>alert(1)</script> down" });
    const responder = await createActorCtx(db, "RESPONDER");
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    await updateDraftSection(responder, { revisionId: revision.id, section: "summary", content: { statements: [{ text: "Marker-7731: card payments failed.", citations: [trigger.id] }] }, version: revision.version });
    const preview = await previewRevisionEmails(responder, { revisionId: revision.id, origin: "https://sitrep.example.com" });
    expect(preview.emails.map((e) => [e.list?.name, e.recipients])).toEqual([
      ["Executives", ["cto@example.com"]],
      ["Support", ["support@example.com"]],
    ]);
    const [email] = preview.emails;
    expect(email!.subject).toBe(`INC-${incident.number}: Checkout <script>alert(1)</script> down`);
    expect(email!.html).toContain("Marker-7731: card payments failed.");
    expect(email!.html).not.toContain("<script>alert(1)</script>");
    expect(email!.html).toContain("&lt;script&gt;");
    expect(email!.html).toContain(`https://sitrep.example.com/incidents/INC-${incident.number}`);
    expect(email!.text).toContain("Marker-7731: card payments failed. [1]");
    expect(email!.text).toContain("Root cause (preliminary)");
    await expect(previewRevisionEmails(await createActorCtx(db, "VIEWER"), { revisionId: revision.id, origin: "https://x.test" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
