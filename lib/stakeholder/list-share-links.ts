import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { formatShareToken } from "@/lib/stakeholder/share-token";

export type ShareLinkState = "active" | "expired" | "revoked";

/**
 * An incident's share links, newest first, each active one with its URL: the token is derived
 * from the id and the server's secret, so a commander can copy a link again without it being
 * stored. Active links come first, so none is ever out of reach of its revoke button.
 */
export async function listShareLinks(ctx: Ctx, input: { incidentId: string; origin?: string }, now = new Date()) {
  assertCan(ctx.actor, "share_links.manage");
  const links = await ctx.db.shareLink.findMany({
    where: { incidentId: input.incidentId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, label: true, createdAt: true, expiresAt: true, revokedAt: true, lastViewedAt: true, views: true, createdBy: { select: { name: true } }, revokedBy: { select: { name: true } } },
  });
  const secret = getEnv().AUTH_SECRET;
  return links.map((link) => {
    const state: ShareLinkState = link.revokedAt ? "revoked" : link.expiresAt <= now ? "expired" : "active";
    const path = state === "active" ? `/status/${formatShareToken(secret, link.id)}` : null;
    return { ...link, state, path, url: path && input.origin ? `${input.origin}${path}` : path };
  });
}
