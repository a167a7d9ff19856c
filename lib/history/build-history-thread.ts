import { changedSectionNames, diffSectionContent, sectionTitle, type RevisionKind, type SectionDiff } from "@/lib/history/diff-revisions";
import { describeAuditEvent, readable, revisionName, type HistoryKind, type RevisionRef } from "@/lib/history/describe-audit-event";
import { groupDeliveries, type DeliveryGroup, type DeliveryRow } from "@/lib/history/group-deliveries";

export type HistoryActor = { kind: "human" | "machine"; label: string; detail: string | null };
export type HistoryItem = {
  id: string;
  at: Date;
  kind: HistoryKind;
  /** The audit action, or what a row says happened: "revision.created", "approval.voided", "deliveries". */
  action: string;
  actor: HistoryActor | null;
  title: string;
  details: string[];
  revision: RevisionRef | null;
  /** Approvals: set once the approval no longer stands. */
  voided: { at: Date; reason: string | null } | null;
  /** Sends: every email, per template, with each recipient's status. */
  deliveries: DeliveryGroup[];
  /** Edits: the section before and after. */
  diff: SectionDiff | null;
  relatedIncident: string | null;
  auditId: string | null;
  hash: string | null;
};

export type ThreadInput = {
  incident: { key: string; createdAt: Date };
  revisions: { id: string; kind: RevisionKind; number: number; state: string; createdAt: Date; authorType: "machine" | "human"; authorName: string | null; tokenName: string | null; writer: string | null; basedOnId: string | null; sections: unknown }[];
  approvals: { id: string; revisionId: string; createdAt: Date; approverName: string; approverEmail: string; voidedAt: Date | null; voidReason: string | null }[];
  deliveries: DeliveryRow[];
  audit: { id: string; at: Date; actorType: string; actorId: string | null; actorLabel: string; action: string; targetId: string | null; before: unknown; after: unknown; hash: string }[];
  userNames: Map<string, string>;
  evidenceLabel?: (evidenceId: string) => string;
};

// A function, not a shared object: a send item's deliveries list is filled in later.
const blank = () => ({ details: [] as string[], revision: null, voided: null, deliveries: [] as DeliveryGroup[], diff: null, relatedIncident: null, auditId: null, hash: null });
const voidedIds = (after: unknown): string[] => {
  const list = (after as { voidedApprovals?: unknown } | null)?.voidedApprovals;
  return Array.isArray(list) ? list.filter((id): id is string => typeof id === "string") : [];
};

function auditActor(e: ThreadInput["audit"][number], names: Map<string, string>): HistoryActor {
  if (e.actorType === "user") return { kind: "human", label: (e.actorId && names.get(e.actorId)) || e.actorLabel, detail: e.actorId && names.has(e.actorId) ? e.actorLabel : null };
  // A share link acts as a "token" in the audit log; what it did was open a page, not run a machine.
  if (e.actorType === "token" && e.action.startsWith("share_link.")) return { kind: "machine", label: e.actorLabel, detail: "share link" };
  return { kind: "machine", label: e.actorLabel, detail: e.actorType === "token" ? "API token" : e.actorType };
}

/**
 * Everything that happened to an incident's communication as one thread, oldest first: each
 * revision, every audit event (edits with their diff, reviews, sends, status changes, merges,
 * splits), approvals and their voiding, and the emails of each send. An audit event that only
 * restates a row shown here (a revision drafted, an approval given, one email's outcome) is folded
 * into that row's item rather than shown twice. Pure: the rows are loaded by the caller.
 */
export function buildHistoryThread(input: ThreadInput): HistoryItem[] {
  const revisions = new Map(input.revisions.map((r) => [r.id, r]));
  const ref = (id: string | null): RevisionRef | null => {
    const r = id ? revisions.get(id) : undefined;
    return r ? { kind: r.kind, number: r.number } : null;
  };
  const approvals = new Set(input.approvals.map((a) => a.id));
  const deliveries = new Set(input.deliveries.map((d) => d.id));
  const voidedBy = new Map(input.audit.flatMap((e) => voidedIds(e.after).map((id) => [id, auditActor(e, input.userNames)] as const)));
  const groups = groupDeliveries(input.deliveries, ref);
  const items: HistoryItem[] = [];

  for (const r of input.revisions) {
    const basis = r.basedOnId ? revisions.get(r.basedOnId) : undefined;
    const changed = basis ? changedSectionNames(r.kind, basis.sections, r.sections).map((n) => sectionTitle(r.kind, n)) : [];
    // A machine revision with a token is an agent's proposal, not the drafter's.
    const isAgent = r.authorType === "machine" && r.tokenName !== null;
    const actor: HistoryActor =
      r.authorType === "human" ? { kind: "human", label: r.authorName ?? r.tokenName ?? "a person", detail: r.tokenName ? "API token" : null } : isAgent ? { kind: "machine", label: r.tokenName!, detail: "agent" } : { kind: "machine", label: "drafter", detail: r.writer };
    const details = [...(basis ? [`Based on r${basis.number}; differs in: ${changed.join(", ") || "nothing"}`] : []), `State now: ${r.state.replace("_", " ")}`];
    items.push({ ...blank(), id: `revision:${r.id}`, at: r.createdAt, kind: "revision", action: "revision.created", actor, title: `${isAgent ? "Agent proposed" : r.authorType === "machine" ? "Drafted" : "Wrote"} ${revisionName(ref(r.id))}`, details, revision: ref(r.id) });
  }
  for (const a of input.approvals) {
    const revision = ref(a.revisionId);
    const voided = a.voidedAt ? { at: a.voidedAt, reason: a.voidReason } : null;
    const approver: HistoryActor = { kind: "human", label: a.approverName, detail: a.approverEmail };
    items.push({ ...blank(), id: `approval:${a.id}`, at: a.createdAt, kind: "approval", action: "approval.given", actor: approver, title: `Approved ${revisionName(revision)}`, details: voided ? [`VOIDED ${readable(voided.at)}: ${voided.reason ?? "no reason recorded"}`] : ["Standing"], revision, voided });
    if (voided) {
      items.push({ ...blank(), id: `approval-void:${a.id}`, at: voided.at, kind: "approval_voided", action: "approval.voided", actor: voidedBy.get(a.id) ?? null, title: `Approval of ${revisionName(revision)} by ${a.approverName} voided`, details: [voided.reason ?? "no reason recorded"], revision, voided });
    }
  }
  const sendFor = new Map<string, HistoryItem>();
  for (const e of input.audit) {
    const isFolded =
      ((e.action === "revision.draft" || e.action === "revision.propose") && e.targetId !== null && revisions.has(e.targetId)) ||
      (e.action === "revision.approve" && approvals.has(String((e.after as { approvalId?: unknown } | null)?.approvalId))) ||
      (e.action === "revision.approval_withdrawn" && voidedIds(e.after).length > 0 && voidedIds(e.after).every((id) => approvals.has(id))) ||
      ((e.action === "delivery.sent" || e.action === "delivery.failed") && e.targetId !== null && deliveries.has(e.targetId)) ||
      // A share link's views (one row a minute while it is read) stay in the audit log and the evidence pack, not in the thread.
      e.action === "share_link.view";
    if (isFolded) continue;
    const revision = e.targetId ? ref(e.targetId) : null;
    const said = describeAuditEvent(e, { incidentKey: input.incident.key, revision });
    const diff = said.section && revision ? diffSectionContent(revision.kind, said.section.name, said.section.before, said.section.after, input.evidenceLabel) : null;
    const item: HistoryItem = { ...blank(), id: `audit:${e.id}`, at: e.at, kind: said.kind, action: e.action, actor: auditActor(e, input.userNames), title: said.title, details: said.details, revision, diff, relatedIncident: said.relatedIncident, auditId: e.id, hash: e.hash };
    if (e.action === "revision.send" && e.targetId && !sendFor.has(e.targetId)) sendFor.set(e.targetId, item);
    items.push(item);
  }
  for (const group of groups) {
    const send = sendFor.get(group.revisionId);
    if (send) send.deliveries.push(group);
    else items.push({ ...blank(), id: `deliveries:${group.revisionId}:${group.template}`, at: group.firstAt, kind: "send", action: "deliveries", actor: null, title: `Emails for ${revisionName(group.revision)} (${group.template.replace("_", " ")})`, revision: group.revision, deliveries: [group] });
  }
  if (!items.some((i) => i.action === "incident.create")) {
    items.push({ ...blank(), id: "incident:opened", at: input.incident.createdAt, kind: "incident", action: "incident.opened", actor: null, title: "Incident opened" });
  }
  // Stable: items at the same instant keep the order above (a revision before its approval).
  return items.map((item, i) => ({ item, i })).sort((x, y) => x.item.at.getTime() - y.item.at.getTime() || x.i - y.i).map(({ item }) => item);
}
