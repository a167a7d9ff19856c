import { can } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { getIncident } from "@/lib/incidents/get-incident";
import { getStakeholderView } from "@/lib/stakeholder/get-stakeholder-view";

/**
 * An incident as the caller's role may read it through the API: the full record with drafts and
 * evidence for responders and up; for stakeholders the approved content only, never the
 * incident's recipients, e-mail addresses or thread ids.
 */
export async function readIncident(ctx: Ctx, input: { key: string }) {
  return can(ctx.actor.role, "drafts.read") ? getIncident(ctx, input) : getStakeholderView(ctx, input);
}
