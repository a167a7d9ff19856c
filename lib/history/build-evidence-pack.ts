import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { auditFieldsOf } from "@/lib/audit/hash-audit-event";
import { buildHistoryThread } from "@/lib/history/build-history-thread";
import { findHistoryRows, threadInputOf } from "@/lib/history/find-history-rows";

/** Bumped when the pack's shape changes, so whoever archives packs can tell them apart. */
export const EVIDENCE_PACK_FORMAT = "sitrep-evidence-pack/1";

/**
 * Everything about one incident's communication as a single record for an auditor or a
 * post-incident review: the incident, every revision with its full sections, approvals (voided
 * ones with why), every delivery (recipient, status, subject, Message-ID; never the bodies), the
 * incident's audit events with their hash-chain links so each can be re-verified, the evidence
 * timeline and the history thread. Reading is not a change, so it is not audited.
 */
export async function buildEvidencePack(ctx: Ctx, input: { key: string }) {
  assertCan(ctx.actor, "drafts.read");
  const rows = await findHistoryRows(ctx.db, input.key);
  const ref = new Map(rows.revisions.map((r) => [r.id, { kind: r.kind, number: r.number }]));
  const { incident } = rows;
  return {
    format: EVIDENCE_PACK_FORMAT,
    generatedAt: new Date(),
    generatedBy: { type: ctx.actor.type, id: ctx.actor.id, label: ctx.actor.label, role: ctx.actor.role },
    incident: {
      id: incident.id,
      key: incident.key,
      title: incident.title,
      severity: incident.severity,
      category: incident.category,
      status: incident.status,
      services: incident.services,
      tags: incident.tags,
      startedAt: incident.startedAt,
      detectedAt: incident.detectedAt,
      acknowledgedAt: incident.acknowledgedAt,
      resolvedAt: incident.resolvedAt,
      corrected: { startedAt: incident.startedAtCorrected, acknowledgedAt: incident.acknowledgedAtCorrected, resolvedAt: incident.resolvedAtCorrected },
      commander: incident.commander,
      extraRecipients: incident.extraRecipients,
      excludedRecipients: incident.excludedRecipients,
      threadMessageId: incident.threadMessageId,
      mergedInto: incident.mergedInto,
      mergedFrom: incident.mergedFrom,
      createdAt: incident.createdAt,
      updatedAt: incident.updatedAt,
    },
    revisions: rows.revisions.map((r) => ({
      id: r.id,
      kind: r.kind,
      number: r.number,
      state: r.state,
      authorType: r.authorType,
      author: r.author,
      authorToken: r.authorToken?.name ?? null,
      basedOn: r.basedOnId ? (ref.get(r.basedOnId)?.number ?? null) : null,
      contentHash: r.contentHash,
      reviewNote: r.reviewNote,
      rejectedReason: r.rejectedReason,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      sections: r.sections,
    })),
    approvals: rows.revisions.flatMap((r) =>
      r.approvals.map((a) => ({ id: a.id, revision: ref.get(r.id)!, approver: a.approver, contentHash: a.contentHash, planHash: a.planHash, createdAt: a.createdAt, voidedAt: a.voidedAt, voidReason: a.voidReason })),
    ),
    deliveries: rows.revisions.flatMap((r) =>
      r.deliveries.map((d) => ({ id: d.id, revision: ref.get(r.id)!, template: d.template, recipient: d.recipient, reason: d.reason, status: d.status, subject: d.subject, messageId: d.messageId, inReplyTo: d.inReplyTo, attempts: d.attempts, lastError: d.lastError, sentAt: d.sentAt, createdAt: d.createdAt })),
    ),
    // The fields each hash covers, as the audit export writes them: hashAuditEvent(prevHash, fields) === hash.
    auditEvents: rows.audit.map((e) => ({ id: e.id.toString(), ...auditFieldsOf(e), prevHash: e.prevHash, hash: e.hash })),
    evidence: rows.evidence.map((e, i) => ({ n: i + 1, id: e.id, at: e.at, kind: e.kind, text: e.text, source: e.source, authorType: e.authorType, author: e.author?.name ?? null, hidden: e.hidden, internal: e.internal, rawEventId: e.rawEventId, data: e.data, createdAt: e.createdAt })),
    thread: buildHistoryThread(threadInputOf(rows)).map(({ diff, ...item }) => ({ ...item, changedLines: diff ? { section: diff.name, added: diff.added, removed: diff.removed } : null })),
  };
}

export type EvidencePack = Awaited<ReturnType<typeof buildEvidencePack>>;
