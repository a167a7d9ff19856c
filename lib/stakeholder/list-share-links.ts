import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { formatShareToken } from "@/lib/stakeholder/share-token";

export type ShareLinkState = "active" | "expired" | "revoked";

/**
 * An incident's share links, newest first, each with its URL path: the token is derived from the
 * id and the server's secret, so a commander can copy a link again without it being stored.
 */
export async function listShareLinks(ctx: Ctx, input: { incidentId: string }, now = new Date()) {
  assertCan(ctx.actor, "share_links.manage");
  const links = await ctx.db.shareLink.findMany({
    where: { incidentId: input.incidentId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, label: true, createdAt: true, expiresAt: true, revokedAt: true, lastViewedAt: true, views: true, createdBy: { select: { name: true } } },
  });
  const secret = getEnv().AUTH_SECRET;
  return links.map((link) => {
    const state: ShareLinkState = link.revokedAt ? "revoked" : link.expiresAt <= now ? "expired" : "active";
    return { ...link, state, path: state === "active" ? `/status/${formatShareToken(secret, link.id)}` : null };
  });
}
