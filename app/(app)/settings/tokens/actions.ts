"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { keepFormValues, runAction, type ActionState } from "@/lib/http/run-action";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { createApiTokenSchema } from "@/lib/tokens/schemas";

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("tokens.manage");
  const raw = Object.fromEntries(form);
  const result = await runAction(async () => {
    const created = await createApiToken(ctx, createApiTokenSchema.parse({ ...raw, expiresInDays: raw.expiresInDays || undefined }));
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
