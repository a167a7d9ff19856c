import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { collectCitations } from "@/lib/drafting/check-citations";
import type { DraftSections } from "@/lib/drafting/types";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { getIncident } from "@/lib/incidents/get-incident";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { createWebhookClient, readFixture, signPagerDuty } from "../helpers/webhooks";

const PD_SECRET = "pd-signing-secret-for-drafting-01";
let db: Db;
let drop: () => Promise<void>;
let client: ReturnType<typeof createWebhookClient>;
const pd = (name: string) => {
  const body = readFixture("pagerduty", name);
  return client.post("pagerduty", body, { "x-pagerduty-signature": signPagerDuty(body, PD_SECRET) });
};

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  client = createWebhookClient(db);
  await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: [PD_SECRET] } });
});
afterAll(() => drop());

describe("drafting an incident", () => {
  it("turns a new webhook into a reviewable draft with all six sections, every citation this incident's own", async () => {
    await pd("01-triggered.json");
    await client.drain();
    const incident = await db.incident.findFirstOrThrow();
    const result = await redraftIncident(db, incident.id, { now: new Date("2026-11-29T09:20:00Z") });
    expect(result).toMatchObject({ report: "created", statusUpdate: "created", writer: { kind: "deterministic" } });

    const commander = await createActorCtx(db, "COMMANDER");
    const view = await getIncident(commander, { key: `INC-${incident.number}` });
    const report = view.drafts!.report!;
    expect(report).toMatchObject({ kind: "report", number: 1, state: "draft", authorType: "machine" });
    const sections = report.sections as unknown as DraftSections;
    expect(Object.keys(sections).sort()).toEqual(["actionItems", "impact", "remediation", "rootCause", "summary", "timeline"]);
    expect(sections.rootCause.status).toBe("preliminary");
    const ids = new Set(view.timeline!.map((e) => e.id));
    expect(collectCitations(sections).every((id) => ids.has(id))).toBe(true);
    expect(view.drafts!.statusUpdate).toMatchObject({ kind: "status_update", state: "draft" });

    // Stakeholders never see a draft.
    const viewer = await createActorCtx(db, "VIEWER");
    expect((await getIncident(viewer, { key: `INC-${incident.number}` })).drafts).toBeNull();
  });

  it("never overwrites a section a human edited; the machine's proposal waits beside it", async () => {
    const incident = await db.incident.findFirstOrThrow();
    const responder = await createActorCtx(db, "RESPONDER");
    const revision = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "report" } });
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    const summary = { statements: [{ text: "Checkout failed for card payments; the IC is on it.", citations: [trigger.id] }] };
    await updateDraftSection(responder, { revisionId: revision.id, section: "summary", content: summary, version: revision.version });

    await pd("02-acknowledged.json");
    await addEvidence(responder, { key: `INC-${incident.number}`, evidence: { format: "note", text: "Rolling back payments-service to v2.30.4.", at: "2026-11-29T09:19:00Z" } });
    await client.drain();
    await redraftIncident(db, incident.id, { now: new Date("2026-11-29T09:25:00Z") });

    const after = await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } });
    const sections = after.sections as unknown as DraftSections;
    expect(sections.summary).toEqual(summary);
    expect(JSON.stringify(sections.remediation)).toContain("Rolling back payments-service");
    const meta = after.meta as { origins: Record<string, string>; suggestions: Record<string, unknown> };
    expect(meta.origins.summary).toBe("human");
    expect(meta.suggestions.summary).toBeDefined();
  });

  it("keeps a human edit that races a background re-draft", async () => {
    const incident = await db.incident.findFirstOrThrow();
    const responder = await createActorCtx(db, "RESPONDER");
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, kind: "trigger" } });
    let bothWrote = 0;
    for (let round = 0; round < 6; round += 1) {
      // New evidence each round, so the re-draft really has something to write.
      await addEvidence(responder, { key: `INC-${incident.number}`, evidence: { format: "note", text: `Restarted checkout pods, round ${round}.`, at: `2026-11-29T09:2${round}:30Z` } });
      const revision = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "report" } });
      const remediation = { statements: [{ text: `Human remediation, round ${round}`, citations: [trigger.id] }] };
      const [saved, redraft] = await Promise.all([
        updateDraftSection(responder, { revisionId: revision.id, section: "remediation", content: remediation, version: revision.version }).then(
          () => true,
          () => false,
        ),
        redraftIncident(db, incident.id, { now: new Date("2026-11-29T09:30:00Z") }),
      ]);
      const after = await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } });
      if (saved) {
        // A save the person was told succeeded is never replaced by machine text, whichever ran first.
        expect((after.sections as unknown as DraftSections).remediation).toEqual(remediation);
        expect((after.meta as { origins: Record<string, string> }).origins.remediation).toBe("human");
        if (redraft.report === "updated") bothWrote += 1;
      }
    }
    expect(bothWrote).toBeGreaterThan(0);
  });

  it("refuses a human edit citing another incident's evidence, or a stale version", async () => {
    const responder = await createActorCtx(db, "RESPONDER");
    const revision = await db.reportRevision.findFirstOrThrow({ where: { kind: "report" } });
    const foreign = { statements: [{ text: "Made up", citations: ["not-this-incidents-evidence"] }] };
    await expect(updateDraftSection(responder, { revisionId: revision.id, section: "remediation", content: foreign, version: revision.version })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(updateDraftSection(responder, { revisionId: revision.id, section: "remediation", content: { statements: [] }, version: revision.version - 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    const viewer = await createActorCtx(db, "VIEWER");
    await expect(updateDraftSection(viewer, { revisionId: revision.id, section: "remediation", content: { statements: [] }, version: revision.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("drafts a new status update only when something significant changed or the cadence is due", async () => {
    const incident = await db.incident.findFirstOrThrow();
    const before = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "status_update" }, orderBy: { number: "desc" } });
    const quiet = await redraftIncident(db, incident.id, { now: new Date("2026-11-29T09:26:00Z"), env: { STATUS_UPDATE_CADENCE: "SEV2=30" } });
    expect(quiet.statusUpdate).toBe("not-due");
    const due = await redraftIncident(db, incident.id, { now: new Date("2026-11-29T10:30:00Z"), env: { STATUS_UPDATE_CADENCE: "SEV2=30" } });
    expect(due.statusUpdate).toBe("updated");
    const after = await db.reportRevision.findUniqueOrThrow({ where: { id: before.id } });
    expect((after.sections as { nextUpdateAt: string }).nextUpdateAt).toBe("2026-11-29T11:00:00.000Z");
  });

  it("drafts a final status update when the incident resolves, and none after", async () => {
    const incident = await db.incident.findFirstOrThrow();
    await pd("04-resolved.json");
    await client.drain();
    const resolved = await redraftIncident(db, incident.id, { now: new Date("2026-11-29T10:40:00Z"), env: { STATUS_UPDATE_CADENCE: "SEV2=30" } });
    expect(resolved.statusUpdate).toBe("updated");
    const update = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "status_update" }, orderBy: { number: "desc" } });
    expect(update.sections).toMatchObject({ status: { value: "resolved" }, nextUpdateAt: null });
    const later = await redraftIncident(db, incident.id, { now: new Date("2026-11-29T12:00:00Z"), env: { STATUS_UPDATE_CADENCE: "SEV2=30" } });
    expect(later.statusUpdate).toBe("not-due");
  });
});
