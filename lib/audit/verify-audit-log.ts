import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { verifyAuditChain, type ChainVerdict } from "@/lib/audit/verify-audit-chain";

/** The audit page's "Verify chain" button: the same walk as `npm run sitrep -- audit:verify`, for those who may read the log. */
export async function verifyAuditLog(ctx: Ctx): Promise<ChainVerdict> {
  assertCan(ctx.actor, "audit.read");
  return verifyAuditChain(ctx.db);
}
