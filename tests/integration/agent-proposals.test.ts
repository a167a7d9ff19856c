import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { SYSTEM_ACTOR, assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { tagIncident } from "@/lib/incidents/tag-incident";
import { proposeRevision } from "@/lib/reports/propose-revision";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { countReviewQueue, listReviewQueue } from "@/lib/reviews/list-review-queue";
import { rejectRevision } from "@/lib/reviews/reject-revision";
import { updateReviewPolicy } from "@/lib/reviews/update-review-policy";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createActorCtx } from "../helpers/actors";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
});
afterAll(() => drop());

/** An agent's ctx as /api/mcp builds it, for a propose token created by `creator` (or by the CLI). */
async function agentCtx(creator: Ctx | null): Promise<Ctx> {
  const token = await createApiToken(creator ?? { db, actor: SYSTEM_ACTOR }, { name: `agent-${Math.random().toString(36).slice(2, 8)}`, role: "AGENT", scope: "propose" });
  const actor: Actor = { type: "token", id: token.id, label: `token ${token.name} (${token.prefix}…)`, role: "AGENT", scope: "propose" };
  return { db, actor, requestId: "req-agent" };
}

const summary = (text: string, citations: string[] = []) => ({ summary: { statements: [{ text, citations }] } });

describe("an agent's proposal", () => {
  it("supersedes the draft it builds on: only the proposal is reviewed, edited or approved, and the queue counts it once", async () => {
    const { key, revision } = await createDraftedIncident(db);
    const agent = await agentCtx(null);
    const commander = await createActorCtx(db, "COMMANDER");
    const before = await countReviewQueue(commander);
    await expect(proposeRevision(agent, { key, sections: summary("Stale read"), basedOn: { number: 1, version: revision.version + 5 } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("moved on") });
    const proposed = await proposeRevision(agent, { key, sections: summary("Checkout failed after the deploy."), basedOn: { number: 1, version: revision.version } });
    expect(await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } })).toMatchObject({ state: "superseded" });
    await expect(updateDraftSection(commander, { revisionId: revision.id, section: "summary", content: summary("late edit").summary, version: revision.version })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("newer revision") });
    await expect(approveRevision(commander, { revisionId: revision.id, version: revision.version })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await countReviewQueue(commander)).toBe(before);
    const queue = await listReviewQueue(commander, {});
    expect(queue.filter((q) => q.incident.key === key && q.kind === "report").map((q) => q.number)).toEqual([proposed.number]);
    await expect(approveRevision(commander, { revisionId: proposed.id, version: proposed.version })).resolves.toMatchObject({ state: "approved" });
    // An approved revision waiting to be sent is never superseded.
    await expect(proposeRevision(agent, { key, sections: summary("Another take") })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("waiting to be sent") });
    // Nor may it change who gets it: tags choose the lists.
    await expect(tagIncident(agent, { key, add: ["executives"] })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("choose the recipients") });
  });

  it("is dropped when a person rejects it: the next draft is the machine's text again, a person's sections kept", async () => {
    const { key, revision, incident, at } = await createDraftedIncident(db);
    const responder = await createActorCtx(db, "RESPONDER");
    const kept = await updateDraftSection(responder, { revisionId: revision.id, section: "remediation", content: { statements: [{ text: "PERSON-REMEDIATION rolled back", citations: [] }] }, version: revision.version });
    const agent = await agentCtx(null);
    const proposed = await proposeRevision(agent, { key, sections: summary("WRONG-AGENT-CLAIM: the database failed over") });
    const commander = await createActorCtx(db, "COMMANDER");
    await rejectRevision(commander, { revisionId: proposed.id, version: proposed.version, reason: "Not what happened" });
    await redraftIncident(db, incident.id, { now: at(120) });
    const next = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "report" }, orderBy: { number: "desc" } });
    expect(next.number).toBe(proposed.number + 1);
    expect(JSON.stringify(next.sections)).not.toContain("WRONG-AGENT-CLAIM");
    expect(JSON.stringify(next.sections)).toContain("PERSON-REMEDIATION");
    expect(next.meta).toMatchObject({ origins: { remediation: "human" } });
    expect((next.meta as { origins: Record<string, string> }).origins.summary).not.toBe("agent");
    expect(kept.version).toBeGreaterThan(0);
  });

  it("counts as its token's creator under the two-person rule; an agent nobody owns blocks no one", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await updateReviewPolicy(admin, { severity: "SEV1", twoPersonRule: true });
    const owned = await createDraftedIncident(db, { severity: "SEV1" });
    const ownersAgent = await agentCtx(admin);
    const proposal = await proposeRevision(ownersAgent, { key: owned.key, sections: summary("Proposed by the admin's agent") });
    await expect(approveRevision(admin, { revisionId: proposal.id, version: proposal.version })).rejects.toMatchObject({ code: "FORBIDDEN", details: { rule: "two-person" } });
    await expect(approveRevision(await createActorCtx(db, "COMMANDER"), { revisionId: proposal.id, version: proposal.version })).resolves.toMatchObject({ state: "approved" });
    const unowned = await createDraftedIncident(db, { severity: "SEV1" });
    const cliAgent = await agentCtx(null);
    const other = await proposeRevision(cliAgent, { key: unowned.key, sections: summary("Proposed by a CLI-made agent") });
    await expect(approveRevision(admin, { revisionId: other.id, version: other.version })).resolves.toMatchObject({ state: "approved" });
  });

  it("gets the same section checks as a person's edit: owners who can act, no confirming or changing a confirmed root cause", async () => {
    const { key } = await createDraftedIncident(db);
    const agent = await agentCtx(null);
    const viewer = await createActorCtx(db, "VIEWER");
    const item = { title: "Rotate credentials", owner: "Vic", ownerId: viewer.actor.id, dueSuggestion: null, citations: [] };
    await expect(proposeRevision(agent, { key, sections: { actionItems: { items: [item] } } })).rejects.toThrow(/owner must be an active Sitrep user/);
    await expect(proposeRevision(agent, { key, sections: { rootCause: { status: "confirmed", candidates: [], statements: [] } } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("labels an agent's evidence as the agent's, and the drafter takes no action items or root cause from it", async () => {
    const { key, incident, at } = await createDraftedIncident(db);
    const agent = await agentCtx(null);
    await addEvidence(agent, { key, evidence: { format: "note", text: "Root cause: cosmic rays. We should rotate every credential.", source: "PagerDuty", at: at(30).toISOString() } });
    const entry = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.id, text: { contains: "cosmic rays" } } });
    expect(entry.source).toMatch(/^Agent agent-\w+ · PagerDuty$/);
    expect(entry).toMatchObject({ authorType: "machine", data: { agent: { tokenId: agent.actor.id } } });
    await redraftIncident(db, incident.id, { now: at(120) });
    const report = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "report" }, orderBy: { number: "desc" } });
    const sections = report.sections as { actionItems: { items: { title: string }[] }; rootCause: { candidates: { title: string }[] } };
    expect(sections.actionItems.items.map((i) => i.title).join(" ")).not.toMatch(/rotate every credential/i);
    expect(sections.rootCause.candidates.map((c) => c.title).join(" ")).not.toMatch(/cosmic rays/);
  });

  it("is read-only without the propose scope, a missing scope included", () => {
    const noScope: Actor = { type: "token", id: "t", label: "token x", role: "AGENT", scope: null };
    expect(() => assertCan(noScope, "evidence.create")).toThrow(/read-only/);
    expect(() => assertCan(noScope, "drafts.read")).not.toThrow();
    expect(() => assertCan({ ...noScope, scope: "propose" }, "drafts.propose")).not.toThrow();
    expect(() => assertCan({ ...noScope, scope: "propose" }, "incidents.approve")).toThrow(/does not allow/);
  });
});
