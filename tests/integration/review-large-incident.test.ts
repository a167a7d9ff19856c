import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createDb } from "@/lib/db";
import { getReview } from "@/lib/reviews/get-review";
import { FULL_EVIDENCE_LIMIT, collectCitations } from "@/lib/reviews/load-review-evidence";
import { searchReviewEvidence } from "@/lib/reviews/search-review-evidence";
import { createActorCtx } from "../helpers/actors";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createMigratedDatabase();
  drop = database.drop;
  db = createDb(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await drop();
});

describe("the review page's evidence on a large incident", () => {
  it("ships all evidence up to the limit, past it only what is cited, numbered as in the whole timeline, and finds the rest by number or words", async () => {
    const commander = await createActorCtx(db, "COMMANDER");
    const drafted = await createDraftedIncident(db, { title: "Large review incident" });
    const small = await getReview(commander, { key: drafted.key });
    expect(small.evidence).toHaveLength(small.evidenceTotal);
    const numberOf = new Map(small.evidence.map((e) => [e.id, e.n]));

    // Later entries than every existing one, so the existing numbers stay as they are.
    const late = new Date(drafted.incident.startedAt.getTime() + 24 * 3_600_000);
    await db.timelineEntry.createMany({
      data: Array.from({ length: FULL_EVIDENCE_LIMIT }, (_, i) => ({ incidentId: drafted.incident.id, at: new Date(late.getTime() + i * 1000), kind: "chat_message" as const, source: "Slack #inc", text: `bulk message ${i}`, authorType: "machine" as const })),
    });
    const large = await getReview(commander, { key: drafted.key });
    expect(large.evidenceTotal).toBe(small.evidenceTotal + FULL_EVIDENCE_LIMIT);
    const cited = collectCitations(large.revision!.sections);
    expect(cited.size).toBeGreaterThan(0);
    expect(new Set(large.evidence.map((e) => e.id))).toEqual(collectCitations(large.revision!.sections, (await db.reportRevision.findUniqueOrThrow({ where: { id: large.revision!.id } })).meta));
    for (const e of large.evidence) expect(e.n).toBe(numberOf.get(e.id));

    const byNumber = await searchReviewEvidence(commander, { key: drafted.key, query: `[${small.evidenceTotal + 10}]` });
    expect(byNumber.evidence.map((e) => [e.n, e.text])).toEqual([[small.evidenceTotal + 10, "bulk message 9"]]);
    const byWords = await searchReviewEvidence(commander, { key: drafted.key, query: "BULK MESSAGE 49" });
    expect(byWords.evidence.map((e) => e.text)).toContain("bulk message 49");
    expect(byWords.evidence.every((e) => /bulk message 49/i.test(e.text))).toBe(true);
    // LIKE's wildcards are the searcher's text, not patterns.
    expect((await searchReviewEvidence(commander, { key: drafted.key, query: "%_" })).evidence).toEqual([]);
    const viewer = await createActorCtx(db, "VIEWER");
    await expect(searchReviewEvidence(viewer, { key: drafted.key, query: "bulk" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchReviewEvidence(commander, { key: "INC-999999", query: "bulk" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
