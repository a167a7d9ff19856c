import type { Db } from "@/lib/db";
import { GENESIS_HASH, auditFieldsOf, hashAuditEvent } from "@/lib/audit/hash-audit-event";

export type ChainVerdict =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenAt: string; brokenEvent: { id: string; at: string; action: string }; reason: string };

const PAGE = 1000;

/** Walks the audit log in order and names the first event whose link or content does not hold. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: cursor === undefined ? {} : { id: { gt: cursor } }, orderBy: { id: "asc" }, take: PAGE });
    for (const row of rows) {
      const broken = (reason: string): ChainVerdict => ({ ok: false, checked, brokenAt: row.id.toString(), brokenEvent: { id: row.id.toString(), at: row.at.toISOString(), action: row.action }, reason });
      // A deleted event shows here too: the next one's link no longer matches.
      if (row.prevHash !== prevHash) return broken("its previous-hash link does not match the event before it (an event was removed or re-ordered)");
      const expected = hashAuditEvent(prevHash, auditFieldsOf(row));
      if (expected !== row.hash) return broken("its content does not match its hash (the event was altered)");
      prevHash = row.hash;
      checked += 1;
    }
    if (rows.length < PAGE) return { ok: true, checked, lastHash: prevHash };
    cursor = rows[rows.length - 1]!.id;
  }
}
