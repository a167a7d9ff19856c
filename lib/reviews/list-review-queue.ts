import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { hashEachSection } from "@/lib/reports/revision-meta";
import { listReviewPresence } from "@/lib/reviews/list-review-presence";
import { categorySchema, oneOrMany, severitySchema } from "@/lib/incidents/schemas";

const AWAITING = ["draft", "in_review"] as const;

export const reviewQueueFilterSchema = z.object({
  severity: oneOrMany(severitySchema),
  category: oneOrMany(categorySchema),
  tag: z.string().trim().max(100).optional().transform((v) => v || undefined),
  /** Incidents I command, or drafts I edited last. */
  mine: z.preprocess((v) => v === true || v === "true" || v === "1" || v === "on", z.boolean()).optional(),
});
export type ReviewQueueFilter = z.input<typeof reviewQueueFilterSchema>;

function whereFor(ctx: Ctx, filter: z.output<typeof reviewQueueFilterSchema>): Prisma.ReportRevisionWhereInput {
  const me = ctx.actor.type === "user" ? ctx.actor.id : null;
  return {
    state: { in: [...AWAITING] },
    incident: {
      mergedIntoId: null,
      ...(filter.severity?.length && { severity: { in: filter.severity } }),
      ...(filter.category?.length && { category: { in: filter.category } }),
      ...(filter.tag && { tags: { has: filter.tag } }),
    },
    ...(filter.mine && { OR: me ? [{ incident: { commanderId: me } }, { lastEditedById: me }] : [{ id: "" }] }),
  };
}

/**
 * Revisions waiting for a human: most severe first (SEV1 sorts first), then oldest first; with
 * what changed since this person last looked and who has each one open right now.
 */
export async function listReviewQueue(ctx: Ctx, input: ReviewQueueFilter = {}) {
  assertCan(ctx.actor, "drafts.read");
  const filter = reviewQueueFilterSchema.parse(input);
  const rows = await ctx.db.reportRevision.findMany({
    where: whereFor(ctx, filter),
    orderBy: [{ incident: { severity: "asc" } }, { createdAt: "asc" }],
    take: 200,
    select: {
      id: true,
      kind: true,
      number: true,
      state: true,
      authorType: true,
      sections: true,
      reviewNote: true,
      createdAt: true,
      updatedAt: true,
      lastEditedBy: { select: { name: true } },
      authorToken: { select: { name: true, role: true } },
      incident: { select: { number: true, title: true, severity: true, status: true, category: true, tags: true } },
    },
  });
  const ids = rows.map((r) => r.id);
  const me = ctx.actor.type === "user" ? ctx.actor.id : null;
  const [views, presence] = await Promise.all([
    me ? ctx.db.revisionView.findMany({ where: { userId: me, revisionId: { in: ids } }, select: { revisionId: true, sectionHashes: true, viewedAt: true } }) : [],
    listReviewPresence(ctx.db, ids),
  ]);
  const viewOf = new Map(views.map((v) => [v.revisionId, v]));
  return rows.map(({ incident: { number, ...incident }, sections, lastEditedBy, authorToken, ...row }) => {
    const view = viewOf.get(row.id);
    const now = hashEachSection(sections as Record<string, unknown>);
    const seen = (view?.sectionHashes ?? {}) as Record<string, string>;
    const changedSections = Object.keys(now).filter((name) => seen[name] !== now[name]);
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      lastEditedBy: lastEditedBy?.name ?? null,
      /** The agent whose tool call proposed this revision: machine text, to check before approving. */
      proposedBy: authorToken?.role === "AGENT" ? authorToken.name : null,
      incident: { key: formatIncidentKey(number), ...incident },
      seen: view ? { at: view.viewedAt.toISOString(), changedSections } : null,
      editors: presence.filter((p) => p.revisionId === row.id && p.userId !== me).map((p) => ({ name: p.name, section: p.section })),
    };
  });
}

export type ReviewQueueItem = Awaited<ReturnType<typeof listReviewQueue>>[number];

export async function countReviewQueue(ctx: Ctx): Promise<number> {
  assertCan(ctx.actor, "drafts.read");
  return ctx.db.reportRevision.count({ where: { state: { in: [...AWAITING] }, incident: { mergedIntoId: null } } });
}
