"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { keepFormValues, runAction, type ActionState } from "@/lib/http/run-action";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("tokens.manage");
  const raw = Object.fromEntries(form) as Record<string, string>;
  // "AGENT:propose" in the role list is an agent token and its scope in one choice.
  const [role, scope] = String(raw.role ?? "").split(":");
  const result = await runAction(async () => {
    // The verb validates every field; the casts only name what the form sends.
    const created = await createApiToken(ctx, { name: raw.name ?? "", role: role as "AGENT", scope: (scope || undefined) as "read" | undefined, expiresInDays: raw.expiresInDays || undefined });
    return { name: created.name, token: created.token };
  });
  if (result.ok) revalidatePath("/settings/tokens");
  return result.ok ? result : { ...result, values: keepFormValues(form) };
}

export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("tokens.manage");
  const result = await runAction(() => revokeApiToken(ctx, z.object({ tokenId: z.string().min(1) }).parse(Object.fromEntries(form))));
  if (result.ok) revalidatePath("/settings/tokens");
  return result;
}
