"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/run-action";
import { revokeTokenAction } from "../actions";

export function RevokeTokenButton({ tokenId }: { tokenId: string }) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(revokeTokenAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md border border-red-300 px-2.5 py-1 text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
      >
        Revoke
      </button>
      {state.error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.error}
        </span>
      )}
    </form>
  );
}
