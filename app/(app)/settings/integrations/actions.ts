"use server";

import { revalidatePath } from "next/cache";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { AppError } from "@/lib/errors";
import { runAction, type ActionState } from "@/lib/http/run-action";
import { updateIntegration } from "@/lib/integrations/update-integration";
import type { UpdateIntegrationInput } from "@/lib/integrations/schemas";

function parseSeverityMap(text: string): Record<string, string> | undefined {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    throw new AppError("INVALID_INPUT", 'The severity map must be JSON, e.g. {"critical": "SEV1", "warning": "SEV3"}.');
  }
}

function readForm(form: FormData): UpdateIntegrationInput {
  const sender = String(form.get("sender") ?? "") as "pagerduty";
  const op = String(form.get("op") ?? "");
  if (op === "add_secret") return { op, sender, value: String(form.get("value") ?? "") };
  if (op === "remove_secret" || op === "remove_token") return { op, sender, fingerprint: String(form.get("fingerprint") ?? "") };
  if (op === "generate_token") return { op, sender };
  if (op === "configure") {
    const severityMap = parseSeverityMap(String(form.get("severityMap") ?? ""));
    return { op, sender, enabled: form.get("enabled") === "on", tokenHeader: String(form.get("tokenHeader") ?? ""), settings: severityMap ? { severityMap: severityMap as never } : {} };
  }
  throw new AppError("INVALID_INPUT", "Unknown change.");
}

export async function updateIntegrationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("integrations.manage");
  const result = await runAction(() => updateIntegration(ctx, readForm(form)));
  if (result.ok) revalidatePath("/settings/integrations");
  return result;
}
