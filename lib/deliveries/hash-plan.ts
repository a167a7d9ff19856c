import { createHash } from "node:crypto";
import type { PlannedEmail } from "@/lib/deliveries/plan-deliveries";
import { canonicalJson } from "@/lib/json/canonical-json";

/**
 * A fingerprint of what sending would deliver: each email's template, audience, addresses,
 * subject and content. The link's host and the "Re:" that a later position in the thread adds are
 * left out, since neither changes what the approver agreed to.
 */
export function hashPlan(planned: PlannedEmail[]): string {
  const shape = planned.map((p) => ({
    template: p.template,
    listId: p.listId,
    reason: p.reason,
    recipients: [...p.recipients].map((r) => r.toLowerCase()).sort(),
    subject: p.subject.replace(/^Re: /, ""),
    // The status line follows the incident as it moves on (monitoring, resolved); it is not what was approved.
    props: { ...p.content.props, incident: { ...p.content.props.incident, pageUrl: undefined, status: undefined } },
  }));
  return createHash("sha256").update(canonicalJson(shape)).digest("hex");
}
