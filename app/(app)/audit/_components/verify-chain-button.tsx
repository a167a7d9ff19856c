"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/run-action";
import type { ChainVerdict } from "@/lib/audit/verify-audit-chain";
import { verifyAuditChainAction } from "../actions";

/** Walks the whole chain on the server and says whether it holds, or which event is the first broken link. */
export function VerifyChainButton() {
  const [state, verify, pending] = useActionState<ActionState<ChainVerdict>>(verifyAuditChainAction, {});
  const verdict = state.data;
  return (
    <div className="flex flex-wrap items-center gap-3" aria-live="polite">
      <form action={verify}>
        <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800">
          {pending ? "Verifying…" : "Verify chain"}
        </button>
      </form>
      {state.error && <p className="text-sm text-red-700 dark:text-red-300">{state.error}</p>}
      {verdict?.ok === true && (
        <p data-testid="chain-verdict" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          ✓ Chain intact: all {verdict.checked} events verify.
        </p>
      )}
      {verdict?.ok === false && (
        <p data-testid="chain-verdict" className="text-sm font-medium text-red-800 dark:text-red-300">
          ✗ Chain broken at event #{verdict.brokenEvent.id} ({verdict.brokenEvent.action}, {verdict.brokenEvent.at}): {verdict.reason}. The {verdict.checked} events before it verify.
        </p>
      )}
    </div>
  );
}
