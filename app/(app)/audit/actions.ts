"use server";

import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { runAction, type ActionState } from "@/lib/http/run-action";
import { verifyAuditLog } from "@/lib/audit/verify-audit-log";
import type { ChainVerdict } from "@/lib/audit/verify-audit-chain";

export async function verifyAuditChainAction(): Promise<ActionState<ChainVerdict>> {
  const ctx = await requirePageCtx("audit.read");
  return runAction(() => verifyAuditLog(ctx));
}
