"use server";

import { revalidatePath } from "next/cache";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { deleteDistributionList } from "@/lib/distribution/delete-distribution-list";
import { saveDistributionList } from "@/lib/distribution/save-distribution-list";
import { keepFormValues, runAction, type ActionState } from "@/lib/http/run-action";

export async function saveDistributionListAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("lists.manage");
  const result = await runAction(async () => {
    const saved = await saveDistributionList(ctx, {
      id: (form.get("id") as string | null) || undefined,
      name: String(form.get("name") ?? ""),
      recipients: String(form.get("recipients") ?? ""),
      severities: form.getAll("severities").map(String) as never,
      categories: form.getAll("categories").map(String) as never,
      tags: String(form.get("tags") ?? ""),
    });
    return { name: saved.name };
  });
  if (result.ok) revalidatePath("/settings/lists");
  return result.ok ? result : { ...result, values: keepFormValues(form) };
}

export async function deleteDistributionListAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("lists.manage");
  const result = await runAction(() => deleteDistributionList(ctx, { id: String(form.get("id") ?? "") }));
  if (result.ok) revalidatePath("/settings/lists");
  return result;
}
