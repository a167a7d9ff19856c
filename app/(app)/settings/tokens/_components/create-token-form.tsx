"use client";

import { useActionState } from "react";
import { FormField, FormMessage, inputClass } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { createTokenAction } from "../actions";

export function CreateTokenForm() {
  const [state, action, isPending] = useActionState<ActionState, FormData>(createTokenAction, {});
  const created = state.ok ? (state.data as { name: string; token: string }) : null;
  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-sm dark:border-emerald-800 dark:bg-emerald-950">
          <p className="font-medium">Token “{created.name}” created. Copy it now: it will not be shown again.</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs dark:bg-slate-900">
            {created.token}
          </code>
        </div>
      )}
      <form action={action} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="font-semibold sm:col-span-3">Create an API token</h2>
        <FormField label="Name (what uses it)" error={state.fieldErrors?.name}>
          <input name="name" required placeholder="deploy-bot" defaultValue={state.values?.name} className={inputClass} />
        </FormField>
        <FormField label="Role" error={state.fieldErrors?.role}>
          <select name="role" defaultValue="VIEWER" className={inputClass}>
            <option>VIEWER</option>
            <option>RESPONDER</option>
            <option>COMMANDER</option>
            <option>ADMIN</option>
            <option>AUDITOR</option>
            <option value="AGENT:read">AGENT, read only (MCP)</option>
            <option value="AGENT:propose">AGENT, read and propose (MCP)</option>
          </select>
        </FormField>
        <FormField label="Expires after (days, optional)" error={state.fieldErrors?.expiresInDays}>
          <input name="expiresInDays" type="number" min={1} max={3650} defaultValue={state.values?.expiresInDays} className={inputClass} />
        </FormField>
        <div className="flex items-center gap-3 sm:col-span-3">
          <button type="submit" disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900">
            {isPending ? "Creating…" : "Create token"}
          </button>
          <FormMessage state={state} />
        </div>
      </form>
    </div>
  );
}
