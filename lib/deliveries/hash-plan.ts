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
    // Of the incident, only what the approver read as content; its status line, resolve time and place
    // in the thread move on by themselves, and the addresses are hashed above.
    props: { ...p.content.props, incident: pick(p.content.props.incident) },
  }));
  return createHash("sha256").update(canonicalJson(shape)).digest("hex");
}

function pick(incident: { key: string; title: string; severity: string; category: string; services: string[] }) {
  return { key: incident.key, title: incident.title, severity: incident.severity, category: incident.category, services: incident.services };
}
