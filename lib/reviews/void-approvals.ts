import type { DbTx } from "@/lib/db";

/** Voids a revision's standing approvals (its content changed, or a reviewer took it back); returns their ids for the audit row. */
export async function voidApprovals(tx: DbTx, revisionId: string, reason: string): Promise<string[]> {
  const standing = await tx.approval.findMany({ where: { revisionId, voidedAt: null }, select: { id: true } });
  if (standing.length === 0) return [];
  await tx.approval.updateMany({ where: { id: { in: standing.map((a) => a.id) } }, data: { voidedAt: new Date(), voidReason: reason } });
  return standing.map((a) => a.id);
}
