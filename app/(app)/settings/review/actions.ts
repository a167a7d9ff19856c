"use server";

import { revalidatePath } from "next/cache";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { runAction, type ActionState } from "@/lib/http/run-action";
import { updateReviewPolicy } from "@/lib/reviews/update-review-policy";

export async function updateReviewPolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("review.configure");
  const result = await runAction(() => updateReviewPolicy(ctx, { severity: String(form.get("severity") ?? "") as "SEV1", twoPersonRule: form.get("twoPersonRule") === "on" }));
  if (result.ok) revalidatePath("/settings/review");
  return result;
}
