"use client";

import { useActionState } from "react";
import { FormField, FormMessage, inputClass } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { createUserAction } from "../actions";

export function AddUserForm() {
  const [state, action, isPending] = useActionState<ActionState, FormData>(createUserAction, {});
  const created = state.ok ? (state.data as { email: string }).email : null;
  return (
    <form action={action} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="font-semibold sm:col-span-2">Add a user</h2>
      <FormField label="Name" error={state.fieldErrors?.name}>
        <input name="name" required defaultValue={state.values?.name} className={inputClass} />
      </FormField>
      <FormField label="E-mail" error={state.fieldErrors?.email}>
        <input name="email" type="email" required defaultValue={state.values?.email} className={inputClass} />
      </FormField>
      <FormField label="Role" error={state.fieldErrors?.role}>
        <select name="role" defaultValue={state.values?.role ?? "RESPONDER"} key={state.values?.role} className={inputClass}>
          <option value="VIEWER">VIEWER: reads approved updates</option>
          <option value="RESPONDER">RESPONDER: adds evidence, edits drafts</option>
          <option value="COMMANDER">COMMANDER: approves and sends</option>
          <option value="ADMIN">ADMIN: users, integrations, tokens</option>
        </select>
      </FormField>
      <FormField label="Initial password (12+ characters)" error={state.fieldErrors?.password}>
        <input name="password" type="password" required minLength={12} autoComplete="new-password" className={inputClass} />
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900">
          {isPending ? "Adding…" : "Add user"}
        </button>
        {created && <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">Added {created}.</span>}
        <FormMessage state={state} />
      </div>
    </form>
  );
}
