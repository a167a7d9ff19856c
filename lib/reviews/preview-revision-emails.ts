import { z } from "zod";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { loadPlanInput } from "@/lib/deliveries/load-plan-input";
import { planDeliveries } from "@/lib/deliveries/plan-deliveries";
import { renderRevisionEmail } from "@/lib/email/render-revision-email";

export const previewRevisionEmailsSchema = z.object({ revisionId: z.string().min(1), origin: z.url() });

/**
 * The emails sending this revision would deliver, rendered exactly as they go out (the same plan
 * and templates the send uses): one per list, per owner for action items, with the addresses.
 * With no matching list, the report addressed to nobody, so the commander sees that too.
 */
export async function previewRevisionEmails(ctx: Ctx, input: z.input<typeof previewRevisionEmailsSchema>) {
  assertCan(ctx.actor, "drafts.read");
  const { revisionId, origin } = previewRevisionEmailsSchema.parse(input);
  const { revision, input: plan } = await loadPlanInput(ctx.db, revisionId, origin);
  const planned = planDeliveries(plan);
  const reachesAudience = planned.some((p) => p.template !== "action_items");
  // No list matches: still show the email, addressed to nobody, so the gap is visible before approval.
  const nobody = { id: "none", name: "nobody (no list matches)", recipients: [], severities: [], categories: [], tags: [] };
  const toList = reachesAudience ? planned : [{ ...planDeliveries({ ...plan, lists: [nobody] })[0]!, listId: null }, ...planned];
  const emails = await Promise.all(
    toList.map(async (p) => ({ template: p.template, list: p.listId ? { id: p.listId, name: p.reason } : null, reason: p.reason, recipients: p.recipients, subject: p.subject, ...(await renderRevisionEmail(p.content)) })),
  );
  return { revisionId, version: revision.version, contentHash: revision.contentHash, emails };
}
