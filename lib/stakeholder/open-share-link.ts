import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { loadApprovedContent } from "@/lib/stakeholder/load-approved-content";
import { parseShareToken } from "@/lib/stakeholder/share-token";

/** A link's use, and a refused use, are recorded once a minute at most: a page that refreshes itself must not flood the append-only log. */
const QUIET_MS = 60_000;

// One answer for every refusal, so a stranger cannot tell a guessed token from a revoked one.
const notFound = () => new AppError("NOT_FOUND", "This page does not exist or is no longer shared.");

type Deps = { db?: Db; secret?: string; now?: Date };

/**
 * The approved content a share link opens. A malformed or wrongly signed token is refused before
 * the database is asked; an unknown, revoked or expired link is refused the same way. Views, and
 * refused uses of a revoked or expired link, are audited with the link as actor: the minute is
 * claimed with a conditional update, so racing requests write one row, not one each.
 */
export async function openShareLink(input: { token: string; requestId?: string }, deps: Deps = {}) {
  const { db = getDb(), now = new Date() } = deps;
  const link = await findLink(db, input.token, deps.secret);
  const actor = { type: "token", id: link.id, label: `share link “${link.label}”` } as const;
  const since = new Date(now.getTime() - QUIET_MS);
  const refusal = link.revokedAt ? "revoked" : link.expiresAt <= now ? "expired" : null;
  if (refusal) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.shareLink.updateMany({ where: { id: link.id, OR: [{ lastRefusedAt: null }, { lastRefusedAt: { lt: since } }] }, data: { lastRefusedAt: now } });
      if (claimed.count === 1) await recordAuditEvent(tx, actor, { action: "share_link.refused", targetType: "ShareLink", targetId: link.id, incidentId: link.incidentId, after: { reason: refusal } }, input.requestId);
    });
    throw notFound();
  }
  // One consistent snapshot to read; the counting is a separate, read-committed write, so readers
  // of a popular link queue on its row instead of failing each other's snapshots.
  const view = await db.$transaction((tx) => loadApprovedContent(tx, link.incidentId, "/status"), { isolationLevel: "RepeatableRead" });
  if (!view) throw notFound();
  await db.$transaction(async (tx) => {
    const claimed = await tx.shareLink.updateMany({ where: { id: link.id, OR: [{ lastAuditedAt: null }, { lastAuditedAt: { lt: since } }] }, data: { lastAuditedAt: now } });
    await tx.shareLink.update({ where: { id: link.id }, data: { views: { increment: 1 }, lastViewedAt: now } });
    if (claimed.count === 1) await recordAuditEvent(tx, actor, { action: "share_link.view", targetType: "ShareLink", targetId: link.id, incidentId: link.incidentId, after: { version: view.version } }, input.requestId);
  });
  return { ...view, link: { label: link.label, expiresAt: link.expiresAt } };
}

/**
 * What the open page polls: only whether what it shows changed. It reveals nothing the page did
 * not, so it is neither counted nor audited; a revoked or expired link gets the same 404.
 */
export async function checkShareLinkVersion(input: { token: string }, deps: Deps = {}) {
  const { db = getDb(), now = new Date() } = deps;
  const link = await findLink(db, input.token, deps.secret);
  if (link.revokedAt || link.expiresAt <= now) throw notFound();
  const view = await db.$transaction((tx) => loadApprovedContent(tx, link.incidentId, "/status"), { isolationLevel: "RepeatableRead" });
  if (!view) throw notFound();
  return { version: view.version, status: view.incident.status };
}

async function findLink(db: Db, token: string, secret = getEnv().AUTH_SECRET) {
  const id = parseShareToken(secret, token);
  if (!id) throw notFound();
  const link = await db.shareLink.findUnique({ where: { id }, select: { id: true, label: true, incidentId: true, expiresAt: true, revokedAt: true } });
  if (!link) throw notFound();
  return link;
}
