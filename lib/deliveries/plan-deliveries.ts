import type { StatusUpdateSections } from "@/lib/drafting/draft-status-update";
import type { DraftSections } from "@/lib/drafting/types";
import { resolveRecipients, type ListRules } from "@/lib/distribution/match-lists";
import { buildActionItemsEmail, buildReportEmail, buildResolutionEmail, buildStatusUpdateEmail, emailSubject, type EmailIncident, type EmailTemplateName } from "@/lib/email/email-content";
import type { EmailToRender } from "@/lib/email/render-revision-email";

export type PlanInput = {
  kind: "report" | "status_update";
  sections: Record<string, unknown>;
  incident: EmailIncident & { tags: string[]; extraRecipients: string[]; excludedRecipients: string[]; startedAt: Date; resolvedAt: Date | null; isReply: boolean };
  lists: (ListRules & { id: string; name: string; recipients: string[] })[];
  evidence: Map<string, { at: Date; source: string; text: string }>;
  /** Users who own action items, by id. */
  owners: Map<string, { name: string; email: string }>;
};

export type PlannedEmail = { template: EmailTemplateName; listId: string | null; reason: string; recipients: string[]; subject: string; content: EmailToRender };

/**
 * Who gets which email when a revision is sent, and with what content: pure, so the preview and
 * the send compute exactly the same thing. A report goes to each matching list (and the addresses
 * added for the incident), plus "[ACTION REQUIRED]" to each action item's owner; a status update
 * goes to the lists, as the resolution notice once it says "resolved".
 */
export function planDeliveries(input: PlanInput): PlannedEmail[] {
  const { incident } = input;
  const groups = resolveRecipients(input.lists, { severity: incident.severity, category: incident.category, tags: incident.tags }, { extra: incident.extraRecipients, excluded: incident.excludedRecipients });
  const excluded = new Set(incident.excludedRecipients.map((a) => a.toLowerCase()));
  const planned: PlannedEmail[] = [];
  if (input.kind === "report") {
    const sections = input.sections as unknown as DraftSections;
    for (const group of groups) {
      planned.push({
        template: "incident_report",
        listId: group.id,
        reason: group.name,
        recipients: group.recipients,
        subject: emailSubject("incident_report", incident, { isReply: incident.isReply }),
        content: { template: "incident_report", props: buildReportEmail(incident, sections, input.evidence, group.name) },
      });
    }
    const byOwner = new Map<string, DraftSections["actionItems"]["items"]>();
    for (const item of sections.actionItems.items) {
      if (!item.ownerId || item.status === "done" || item.status === "cancelled") continue;
      byOwner.set(item.ownerId, [...(byOwner.get(item.ownerId) ?? []), item]);
    }
    for (const [ownerId, items] of byOwner) {
      const owner = input.owners.get(ownerId);
      if (!owner || excluded.has(owner.email.toLowerCase())) continue;
      planned.push({
        template: "action_items",
        listId: null,
        reason: "action-item owner",
        recipients: [owner.email],
        subject: emailSubject("action_items", incident, { isReply: true }),
        content: { template: "action_items", props: buildActionItemsEmail(incident, owner.name, items) },
      });
    }
    return planned;
  }
  const sections = input.sections as unknown as StatusUpdateSections;
  const isResolution = sections.status.value === "resolved";
  for (const group of groups) {
    const template = isResolution ? "resolution" : "status_update";
    planned.push({
      template,
      listId: group.id,
      reason: group.name,
      recipients: group.recipients,
      subject: emailSubject(template, incident, { isReply: incident.isReply }),
      content: isResolution
        ? { template: "resolution", props: buildResolutionEmail(incident, sections, input.evidence, group.name, { startedAt: incident.startedAt, resolvedAt: incident.resolvedAt }) }
        : { template: "status_update", props: buildStatusUpdateEmail(incident, sections, input.evidence, group.name) },
    });
  }
  return planned;
}
