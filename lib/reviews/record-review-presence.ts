import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { hashEachSection } from "@/lib/reports/revision-meta";
import { listReviewPresence } from "@/lib/reviews/list-review-presence";

export const reviewPresenceSchema = z.object({
  revisionId: z.string().min(1),
  /** The version the page shows: when current, it becomes "what you last looked at". */
  version: z.number().int().min(1),
  section: z.string().max(40).nullable().optional(),
});

/**
 * The review page's heartbeat: notes that this person has the revision open (and which section
 * they are typing in), remembers what they have seen, and answers who else is there. Kept in
 * PostgreSQL so every app instance sees the same people. Bookkeeping, not a change to the
 * incident, so it writes no audit row (like a token's last-used time).
 */
export async function recordReviewPresence(ctx: Ctx, input: z.input<typeof reviewPresenceSchema>) {
  assertCan(ctx.actor, "drafts.read");
  const { revisionId, version, section } = reviewPresenceSchema.parse(input);
  if (ctx.actor.type !== "user") throw new AppError("FORBIDDEN", "Presence is for people signed in to the review page.");
  const userId = ctx.actor.id;
  const revision = await ctx.db.reportRevision.findUnique({ where: { id: revisionId }, select: { id: true, version: true, sections: true } });
  if (!revision) throw new AppError("NOT_FOUND", "That draft does not exist.");
  const now = new Date();
  await ctx.db.reviewPresence.upsert({
    where: { revisionId_userId: { revisionId, userId } },
    create: { revisionId, userId, section: section ?? null, lastSeenAt: now },
    update: { section: section ?? null, lastSeenAt: now },
  });
  if (revision.version === version) {
    const sectionHashes = hashEachSection(revision.sections as Record<string, unknown>) as Prisma.InputJsonObject;
    await ctx.db.revisionView.upsert({
      where: { userId_revisionId: { userId, revisionId } },
      create: { userId, revisionId, version, sectionHashes },
      update: { version, sectionHashes, viewedAt: now },
    });
  }
  return { others: (await listReviewPresence(ctx.db, [revisionId], now)).filter((p) => p.userId !== userId) };
}
