"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { readEvidenceForm } from "@/lib/evidence/read-evidence-form";
import { runAction, type ActionState } from "@/lib/http/run-action";
import { mergeIncidents } from "@/lib/incidents/merge-incidents";
import { splitIncident } from "@/lib/incidents/split-incident";

export async function addEvidenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("evidence.create");
  const key = String(form.get("key") ?? "");
  const result = await runAction(async () => addEvidence(ctx, { key, evidence: await readEvidenceForm(form) }));
  if (result.ok) revalidatePath(`/incidents/${key}`);
  return result;
}

export async function mergeIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("incidents.update");
  const result = await runAction(() => mergeIncidents(ctx, { sourceKey: String(form.get("key") ?? ""), targetKey: String(form.get("targetKey") ?? "").toUpperCase() }));
  if (result.ok && result.data) redirect(`/incidents/${result.data.into}`);
  return result;
}

export async function splitIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("incidents.update");
  const result = await runAction(() =>
    splitIncident(ctx, { key: String(form.get("key") ?? ""), entryIds: form.getAll("entryId").map(String), title: String(form.get("title") ?? "") }),
  );
  if (result.ok && result.data) redirect(`/incidents/${result.data.into}`);
  return result;
}
