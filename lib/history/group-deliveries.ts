import type { RevisionRef } from "@/lib/history/describe-audit-event";

export type DeliveryStatus = "queued" | "sending" | "sent" | "failed";
export type DeliveryRow = {
  id: string;
  revisionId: string;
  template: string;
  recipient: string;
  reason: string;
  status: DeliveryStatus;
  subject: string;
  messageId: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};
export type DeliveryGroup = {
  revisionId: string;
  revision: RevisionRef | null;
  template: string;
  subject: string;
  firstAt: Date;
  counts: Record<DeliveryStatus, number>;
  recipients: Omit<DeliveryRow, "revisionId" | "template" | "subject" | "createdAt">[];
};

/** One email of a revision, per template, with each recipient and how far it got (recipients alphabetical). */
export function groupDeliveries(rows: DeliveryRow[], revisionOf: (revisionId: string) => RevisionRef | null): DeliveryGroup[] {
  const groups = new Map<string, DeliveryGroup>();
  for (const row of rows) {
    const key = `${row.revisionId}\u0000${row.template}`;
    let group = groups.get(key);
    if (!group) {
      group = { revisionId: row.revisionId, revision: revisionOf(row.revisionId), template: row.template, subject: row.subject, firstAt: row.createdAt, counts: { queued: 0, sending: 0, sent: 0, failed: 0 }, recipients: [] };
      groups.set(key, group);
    }
    if (row.createdAt < group.firstAt) group.firstAt = row.createdAt;
    group.counts[row.status] += 1;
    group.recipients.push({ id: row.id, recipient: row.recipient, reason: row.reason, status: row.status, messageId: row.messageId, attempts: row.attempts, lastError: row.lastError, sentAt: row.sentAt });
  }
  for (const group of groups.values()) group.recipients.sort((a, b) => a.recipient.localeCompare(b.recipient));
  return [...groups.values()].sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime() || a.template.localeCompare(b.template));
}
