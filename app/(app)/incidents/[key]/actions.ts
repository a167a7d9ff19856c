"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { readEvidenceForm } from "@/lib/evidence/read-evidence-form";
import { keepFormValues, runAction, type ActionState } from "@/lib/http/run-action";
import { classifyIncident } from "@/lib/incidents/classify-incident";
import { correctIncidentMilestone } from "@/lib/incidents/correct-incident-milestone";
import { mergeIncidents } from "@/lib/incidents/merge-incidents";
import { splitIncident } from "@/lib/incidents/split-incident";
import { createShareLink } from "@/lib/stakeholder/create-share-link";
import { revokeShareLink } from "@/lib/stakeholder/revoke-share-link";

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

/** "YYYY-MM-DD HH:MM" typed in UTC becomes ISO; anything else goes to the verb as typed, for its rules to refuse. */
function utcInput(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::\d{2})?$/.exec(text);
  return match ? `${match[1]}T${match[2]}:00.000Z` : text;
}

export async function correctMilestoneAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("milestones.correct");
  const key = String(form.get("key") ?? "");
  const result = await runAction(() =>
    correctIncidentMilestone(ctx, { key, milestone: String(form.get("milestone") ?? "") as "acknowledgedAt", at: utcInput(String(form.get("at") ?? "")), reason: String(form.get("reason") ?? "") }),
  );
  if (result.ok) revalidatePath(`/incidents/${key}`);
  return result.ok ? result : { ...result, values: keepFormValues(form) };
}

export async function classifyIncidentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("incidents.update");
  const key = String(form.get("key") ?? "");
  const result = await runAction(() => classifyIncident(ctx, { key, category: String(form.get("category") ?? "") as "other", tags: String(form.get("tags") ?? "") }));
  if (result.ok) revalidatePath(`/incidents/${key}`);
  return result.ok ? result : { ...result, values: keepFormValues(form) };
}

export async function createShareLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("share_links.manage");
  const key = String(form.get("key") ?? "");
  const result = await runAction(() => createShareLink(ctx, { key, label: String(form.get("label") ?? ""), expiresInHours: String(form.get("expiresInHours") ?? "") }));
  if (result.ok) revalidatePath(`/incidents/${key}`);
  // The token is not echoed back in state: the refreshed page lists the link with its URL.
  return result.ok ? { ok: true } : { ...result, values: keepFormValues(form) };
}

export async function revokeShareLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await requirePageCtx("share_links.manage");
  const result = await runAction(() => revokeShareLink(ctx, { id: String(form.get("id") ?? "") }));
  if (result.ok) revalidatePath(`/incidents/${String(form.get("key") ?? "")}`);
  return result.ok ? { ok: true } : result;
}
