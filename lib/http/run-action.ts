import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { isTransactionConflict } from "@/lib/database/is-transaction-conflict";
import { isAppError } from "@/lib/errors";

export type ActionState<T = unknown> = {
  ok?: boolean;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: T;
  /** What the user submitted, so a refused form can show it again instead of clearing it. */
  values?: Record<string, string>;
};

/** The text fields of a form, minus secrets, for echoing back after a refusal. */
export function keepFormValues(form: FormData, omit: string[] = ["password"]): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter(([key, value]) => typeof value === "string" && !omit.includes(key) && !key.startsWith("$")) as [string, string][]);
}

/**
 * Runs a server action's body and turns typed errors into a state the form can show. Next's own
 * control flow (redirect, forbidden) passes through; anything unexpected is logged, not shown.
 */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionState<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, error: error.message };
    if (error instanceof z.ZodError) {
      return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors };
    }
    if (isTransactionConflict(error)) return { ok: false, error: "Someone else changed this at the same moment; reload and try again." };
    const requestId = randomUUID();
    console.error(`[action] ${requestId} failed`, error);
    return { ok: false, error: `Something went wrong on our side (reference ${requestId}).` };
  }
}
