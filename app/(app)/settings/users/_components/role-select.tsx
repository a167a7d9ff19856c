"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/run-action";
import { updateUserRoleAction } from "../actions";

const ROLES = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER", "AUDITOR"] as const;

export function RoleSelect({ userId, role, label }: { userId: string; role: string; label: string }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(updateUserRoleAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select
        name="role"
        defaultValue={role}
        aria-label={`Role of ${label}`}
        disabled={isPending}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      {state.error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.error}
        </span>
      )}
    </form>
  );
}
