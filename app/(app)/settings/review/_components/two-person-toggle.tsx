"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/run-action";
import { updateReviewPolicyAction } from "../actions";

export function TwoPersonToggle({ severity, enabled }: { severity: string; enabled: boolean }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(updateReviewPolicyAction, {});
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="severity" value={severity} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="twoPersonRule" defaultChecked={enabled} disabled={isPending} onChange={(event) => event.currentTarget.form?.requestSubmit()} />
        Approver must not be the last editor ({severity})
      </label>
      {isPending && <span className="text-xs text-slate-500">Saving…</span>}
      {state.error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.error}
        </span>
      )}
    </form>
  );
}
