import type { Actor } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { loadApprovedContent } from "@/lib/stakeholder/load-approved-content";
import { parseShareToken } from "@/lib/stakeholder/share-token";

/** A link's use is recorded once a minute at most: a page that refreshes itself must not flood the append-only log. */
const QUIET_MS = 60_000;

// One answer for every refusal, so a stranger cannot tell a guessed token from a revoked one.
const notFound = () => new AppError("NOT_FOUND", "This page does not exist or is no longer shared.");

/**
 * The approved content a share link opens. A malformed or wrongly signed token is refused before
 * the database is asked; an unknown, revoked or expired link is refused the same way. Uses of a
 * real link, and refused uses of a revoked or expired one, are audited with the link as actor.
 */
export async function openShareLink(input: { token: string; requestId?: string; countView?: boolean }, deps: { db?: Db; secret?: string; now?: Date } = {}) {
  const { db = getDb(), secret = getEnv().AUTH_SECRET, now = new Date() } = deps;
  const id = parseShareToken(secret, input.token);
  if (!id) throw notFound();
  const link = await db.shareLink.findUnique({ where: { id }, select: { id: true, label: true, incidentId: true, expiresAt: true, revokedAt: true, lastViewedAt: true } });
  if (!link) throw notFound();
  const actor: Pick<Actor, "type" | "id" | "label"> = { type: "token", id: link.id, label: `share link “${link.label}”` };
  const refusal = link.revokedAt ? "revoked" : link.expiresAt <= now ? "expired" : null;
  if (refusal) {
    await recordRefusal(db, actor, { action: "share_link.refused", link, after: { reason: refusal } }, input.requestId, now);
    throw notFound();
  }
  const view = await db.$transaction(async (tx) => {
    const content = await loadApprovedContent(tx, link.incidentId, `/status/${input.token}`);
    // The page's own poll for changes is not a view.
    if (!content || input.countView === false) return content;
    // The count of views is kept exactly; the audit row, written with it, once a minute.
    await tx.shareLink.update({ where: { id: link.id }, data: { views: { increment: 1 }, lastViewedAt: now } });
    if (!link.lastViewedAt || now.getTime() - link.lastViewedAt.getTime() >= QUIET_MS) {
      await recordAuditEvent(tx, actor, { action: "share_link.view", targetType: "ShareLink", targetId: link.id, incidentId: link.incidentId, after: { version: content.version } }, input.requestId);
    }
    return content;
  });
  if (!view) throw notFound();
  return { ...view, link: { label: link.label, expiresAt: link.expiresAt } };
}

async function recordRefusal(db: Db, actor: Pick<Actor, "type" | "id" | "label">, input: { action: string; link: { id: string; incidentId: string }; after: Record<string, unknown> }, requestId: string | undefined, now: Date) {
  try {
    const recent = await db.auditEvent.findFirst({
      where: { action: input.action, targetId: input.link.id, at: { gte: new Date(now.getTime() - QUIET_MS) }, after: { path: ["reason"], equals: String(input.after.reason) } },
      select: { id: true },
    });
    if (recent) return;
    await db.$transaction((tx) => recordAuditEvent(tx, actor, { action: input.action, targetType: "ShareLink", targetId: input.link.id, incidentId: input.link.incidentId, after: input.after }, requestId));
  } catch (error) {
    // A reader's page must not fail because its audit row could not be written; the failure is logged.
    console.error(`[audit] could not record ${input.action} (request ${requestId ?? "-"}): ${error instanceof Error ? error.name : "error"}`);
  }
}
