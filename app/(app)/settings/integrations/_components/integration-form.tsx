"use client";

import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { updateIntegrationAction } from "../actions";

/**
 * One small form per change (add a secret, generate a token, …). A generated token is shown
 * here once, from the action's result; the page itself never receives it again.
 */
export function IntegrationForm({ sender, op, children, className = "" }: { sender: string; op: string; children: ReactNode; className?: string }) {
  const [state, action] = useActionState<ActionState, FormData>(updateIntegrationAction, {});
  const token = state.ok ? (state.data as { token?: string }).token : undefined;
  return (
    <form action={action} className={className}>
      <input type="hidden" name="sender" value={sender} />
      <input type="hidden" name="op" value={op} />
      {children}
      {token && (
        <p role="status" className="mt-2 rounded-md border border-emerald-300 bg-emerald-50 p-2 text-xs dark:border-emerald-800 dark:bg-emerald-950">
          New token (shown once; paste it into the sender now): <code data-testid={`token-${sender}`} className="break-all font-mono">{token}</code>
        </p>
      )}
      <FormMessage state={state} />
    </form>
  );
}
