"use server";

import { revalidatePath } from "next/cache";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { keepFormValues, runAction, type ActionState } from "@/lib/http/run-action";
import { createUser } from "@/lib/users/create-user";
import { createUserSchema, updateUserRoleSchema } from "@/lib/users/schemas";
import { updateUserRole } from "@/lib/users/update-user-role";

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("users.manage");
  const result = await runAction(async () => {
    const user = await createUser(ctx, createUserSchema.parse(Object.fromEntries(form)));
    return { email: user.email };
  });
  if (result.ok) revalidatePath("/settings/users");
  return result.ok ? result : { ...result, values: keepFormValues(form) };
}

export async function updateUserRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("users.manage");
  const result = await runAction(() => updateUserRole(ctx, updateUserRoleSchema.parse(Object.fromEntries(form))));
  if (result.ok) revalidatePath("/settings/users");
  return result;
}
