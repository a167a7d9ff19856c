import type { Actor } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { hashTokenSecret } from "@/lib/tokens/token-secret";

// Writing lastUsedAt on every call would turn each read into a write; once a minute is plenty,
// and the audit log records the token's use at the same resolution.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor behind a bearer token, or null when it is unknown, revoked or expired. */
export async function authenticateToken(db: Db, token: string, use: { what?: string; requestId?: string } = {}): Promise<Actor | null> {
  if (!token.startsWith("sitrep_") || token.length > 200) return null;
  const record = await db.apiToken.findUnique({ where: { tokenHash: hashTokenSecret(token) } });
  const now = new Date();
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  const actor: Actor = { type: "token", id: record.id, label: `token ${record.name} (${record.prefix}…)`, role: record.role, scope: record.scope };
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    const since = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db.$transaction(async (tx) => {
      // Claimed with a condition, so requests racing in the same minute write one audit row, not one each.
      const claimed = await tx.apiToken.updateMany({ where: { id: record.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: since } }] }, data: { lastUsedAt: now } });
      if (claimed.count === 0) return;
      await recordAuditEvent(tx, actor, { action: "token.use", targetType: "ApiToken", targetId: record.id, after: { role: record.role, ...(use.what && { request: use.what.slice(0, 200) }) } }, use.requestId);
    });
  }
  return actor;
}
