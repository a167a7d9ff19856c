import { sectionTitle, type RevisionKind } from "@/lib/history/diff-revisions";

export type HistoryKind = "incident" | "revision" | "edit" | "drafter" | "approval" | "approval_voided" | "review" | "send" | "status" | "merge" | "split" | "classification" | "recipients" | "milestone" | "evidence" | "share" | "other";
export type RevisionRef = { kind: RevisionKind; number: number };
export type AuditDescription = {
  kind: HistoryKind;
  title: string;
  details: string[];
  /** The other incident of a merge or split. */
  relatedIncident: string | null;
  /** For an edit: the section and its content before and after, to diff. */
  section: { name: string; before: unknown; after: unknown } | null;
};
type Event = { action: string; before: unknown; after: unknown };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const revisionName = (r: RevisionRef | null) => (r ? `${r.kind === "report" ? "report" : "status update"} r${r.number}` : "a revision");

/** A stored value as a person reads it: times in UTC to the minute, lists comma-separated. */
export function readable(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value instanceof Date) return readable(value.toISOString());
  if (typeof value === "string") return ISO.test(value) ? `${value.slice(0, 10)} ${value.slice(11, 16)} UTC` : value;
  if (Array.isArray(value)) return value.length > 0 ? value.map(readable).join(", ") : "none";
  if (typeof value === "object") return JSON.stringify(value).slice(0, 300);
  return String(value);
}

const FIELD: Record<string, string> = { status: "Status", severity: "Severity", startedAt: "Started", detectedAt: "Detected", acknowledgedAt: "Acknowledged", resolvedAt: "Resolved", category: "Category", tags: "Tags", extraRecipients: "Added recipients", excludedRecipients: "Excluded recipients" };
const changes = (before: Record<string, unknown>, after: Record<string, unknown>, fields: string[]) => fields.filter((f) => Object.hasOwn(after, f)).map((f) => `${FIELD[f] ?? f}: ${readable(before[f])} → ${readable(after[f])}`);
/** Status, severity or milestones an action re-derived from the timeline, carried in that action's own event. */
const derived = (before: unknown, after: unknown) => (after && typeof after === "object" ? changes(obj(before), obj(after), Object.keys(after)) : []);
// A status an action moved shows in its title too: status changes are what people scan a history for.
const withStatus = (title: string, before: unknown, after: unknown) => (after && typeof after === "object" && Object.hasOwn(after, "status") ? `${title}; status ${readable(obj(before).status)} → ${readable(obj(after).status)}` : title);
const voidedNote = (after: Record<string, unknown>) => (Array.isArray(after.voidedApprovals) && after.voidedApprovals.length > 0 ? [`Voided ${after.voidedApprovals.length} standing approval${after.voidedApprovals.length === 1 ? "" : "s"}`] : []);
const editedSection = (after: Record<string, unknown>) => Object.keys(after).find((k) => k !== "state" && k !== "voidedApprovals") ?? null;

/** One audit event of an incident as a line of its history: what happened, in words. */
export function describeAuditEvent(event: Event, context: { incidentKey: string; revision: RevisionRef | null }): AuditDescription {
  const b = obj(event.before);
  const a = obj(event.after);
  const rev = revisionName(context.revision);
  const base = { details: [] as string[], relatedIncident: null, section: null };
  switch (event.action) {
    case "incident.create":
      if (typeof a.from === "string" && a.into === context.incidentKey) return { ...base, kind: "split", title: `Split off from ${a.from}`, details: [`${readable(a.entriesMoved)} evidence entries moved here`], relatedIncident: a.from };
      return { ...base, kind: "incident", title: "Incident opened", details: [a.source ? `From ${readable(a.source)}` : null, a.severity ? `Severity ${readable(a.severity)}` : null].filter((d): d is string => d !== null) };
    case "incident.update": {
      const title = Object.hasOwn(a, "status") ? `Status ${readable(b.status)} → ${readable(a.status)}` : Object.hasOwn(a, "severity") ? `Severity ${readable(b.severity)} → ${readable(a.severity)}` : "Milestones re-derived from the timeline";
      return { ...base, kind: "status", title, details: changes(b, a, Object.keys(a)) };
    }
    case "incident.merge": {
      // One event names both incidents (older ones were written once per incident); the target's state may have been re-derived.
      const isTarget = a.into === context.incidentKey;
      const details = [`${readable(a.entriesMoved)} evidence entries moved, ${readable(a.duplicatesDropped)} duplicates dropped`, ...(isTarget ? derived(b.into, a.derived) : [])];
      return { ...base, kind: "merge", title: isTarget ? withStatus(`${readable(a.from)} merged into this incident`, b.into, a.derived) : `Merged into ${readable(a.into)}`, details, relatedIncident: String((isTarget ? a.from : a.into) ?? "") || null };
    }
    case "incident.split": {
      const isNew = a.into === context.incidentKey;
      const moved = `${readable(a.entriesMoved)} evidence entries and ${readable(a.linksMoved)} sender links moved`;
      if (isNew) return { ...base, kind: "split", title: withStatus(`Split off from ${readable(a.from)}`, null, a.created), details: [moved, ...derived(null, a.created)], relatedIncident: typeof a.from === "string" ? a.from : null };
      return { ...base, kind: "split", title: withStatus(`Split: evidence moved to new ${readable(a.into)}`, b.source, a.source), details: [moved, ...derived(b.source, a.source)], relatedIncident: typeof a.into === "string" ? a.into : null };
    }
    case "incident.classify":
      return { ...base, kind: "classification", title: "Category and tags changed", details: changes(b, a, ["category", "tags"]) };
    case "incident.milestone_correct":
      return { ...base, kind: "milestone", title: `Corrected ${readable(a.milestone)}`, details: [`${readable(b.corrected ?? b.fromTimeline)} → ${readable(a.corrected)}`, ...(a.reason ? [`Reason: ${readable(a.reason)}`] : [])] };
    case "incident.recipients":
      return { ...base, kind: "recipients", title: "Recipients for this incident changed", details: changes(b, a, ["extraRecipients", "excludedRecipients"]) };
    case "evidence.add":
      return { ...base, kind: "evidence", title: withStatus(`Evidence added (${readable(a.format)})`, b, a.derived), details: [`${readable(a.added)} of ${readable(a.received)} items new`, ...derived(b, a.derived)] };
    case "revision.edit":
    case "revision.accept_suggestion": {
      const name = editedSection(a);
      const title = name && context.revision ? sectionTitle(context.revision.kind, name) : (name ?? "a section");
      const state = b.state && a.state && b.state !== a.state ? [`State ${readable(b.state)} → ${readable(a.state)}`] : [];
      const verb = event.action === "revision.edit" ? `Edited ${title} of ${rev}` : `Accepted the drafter's suggestion for ${title} of ${rev}`;
      return { ...base, kind: "edit", title: verb, details: [...state, ...voidedNote(a)], section: name ? { name, before: b[name] ?? null, after: a[name] ?? null } : null };
    }
    case "revision.dismiss_suggestion":
      return { ...base, kind: "edit", title: `Dismissed the drafter's suggestion for ${readable(a.section)} of ${rev}` };
    case "revision.draft":
      return { ...base, kind: "revision", title: `Drafted ${rev}` };
    case "revision.propose":
      return { ...base, kind: "revision", title: `Agent proposed ${rev}`, details: [`Sections: ${readable(a.sections)}`, ...(a.note ? [`Note: ${readable(a.note)}`] : [])] };
    case "incident.tag":
      return { ...base, kind: "classification", title: "Tags changed", details: changes(b, a, ["tags"]) };
    case "revision.redraft":
      return { ...base, kind: "drafter", title: `Drafter updated ${rev} from the evidence` };
    case "revision.suggest":
      return { ...base, kind: "drafter", title: `Drafter offered newer text beside ${rev}`, details: [`Sections: ${readable(a.suggestions)}`] };
    case "revision.approve":
      return { ...base, kind: "approval", title: `Approved ${rev}` };
    case "revision.approval_withdrawn":
      return { ...base, kind: "approval_voided", title: `Approval of ${rev} withdrawn`, details: [readable(a.reason)] };
    case "revision.reject":
      return { ...base, kind: "review", title: `Rejected ${rev}`, details: [`Reason: ${readable(a.reason)}`, ...voidedNote(a)] };
    case "revision.request_changes":
      return { ...base, kind: "review", title: `Requested changes to ${rev}`, details: [readable(a.reviewNote), ...voidedNote(a)] };
    case "revision.send":
      return { ...base, kind: "send", title: `Sent ${rev}`, details: [`${readable(a.deliveries)} emails to ${Array.isArray(a.recipients) ? a.recipients.length : "?"} recipients`] };
    case "delivery.sent":
    case "delivery.failed":
      return { ...base, kind: "send", title: `Email to ${readable(a.recipient)} ${event.action === "delivery.sent" ? "sent" : "failed"}`, details: a.error ? [readable(a.error)] : [] };
    case "share_link.create":
      return { ...base, kind: "share", title: `Share link created for ${readable(a.label)}`, details: [`Valid until ${readable(a.expiresAt)}`] };
    case "share_link.revoke":
      return { ...base, kind: "share", title: `Share link for ${readable(a.label)} revoked` };
    case "share_link.view":
      return { ...base, kind: "share", title: "Share link opened" };
    case "share_link.refused":
      return { ...base, kind: "share", title: `Refused a share link: ${readable(a.reason)}` };
    default:
      return { ...base, kind: "other", title: event.action, details: Object.keys(a).length > 0 ? [readable(a)] : [] };
  }
}
