import type { EmailTemplateName } from "@/lib/email/email-content";

/** The domain of Message-IDs: the sender address's, so they look like the sender's own. */
export function threadDomain(emailFrom: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(emailFrom);
  return match?.[1]?.toLowerCase() ?? "sitrep.local";
}

const TEMPLATE_TAG: Record<EmailTemplateName, string> = { incident_report: "incident-report", status_update: "status-update", action_items: "action-items", resolution: "resolution" };

/** Provider tags (ASCII letters, digits, _ and -), for filtering in the provider's dashboard. */
export function messageTags(template: EmailTemplateName, incident: { key: string; severity: string; category: string }): { name: string; value: string }[] {
  return [
    { name: "category", value: TEMPLATE_TAG[template] },
    { name: "severity", value: incident.severity },
    { name: "incident_category", value: incident.category },
    { name: "incident", value: incident.key },
  ];
}
