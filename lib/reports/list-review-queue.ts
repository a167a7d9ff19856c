import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { formatIncidentKey } from "@/lib/incidents/incident-key";

const AWAITING = ["draft", "in_review"] as const;

/** Revisions waiting for a human: most severe first (SEV1 sorts first), then oldest first. */
export async function listReviewQueue(ctx: Ctx) {
  assertCan(ctx.actor, "drafts.read");
  const rows = await ctx.db.reportRevision.findMany({
    where: { state: { in: [...AWAITING] }, incident: { mergedIntoId: null } },
    orderBy: [{ incident: { severity: "asc" } }, { createdAt: "asc" }],
    take: 200,
    select: {
      id: true,
      kind: true,
      number: true,
      state: true,
      authorType: true,
      createdAt: true,
      updatedAt: true,
      incident: { select: { number: true, title: true, severity: true, status: true } },
    },
  });
  return rows.map(({ incident: { number, ...incident }, ...row }) => ({ ...row, incident: { key: formatIncidentKey(number), ...incident } }));
}

export async function countReviewQueue(ctx: Ctx): Promise<number> {
  assertCan(ctx.actor, "drafts.read");
  return ctx.db.reportRevision.count({ where: { state: { in: [...AWAITING] }, incident: { mergedIntoId: null } } });
}
