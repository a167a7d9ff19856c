import type { IncidentStatus, Severity } from "@/generated/prisma/enums";

export type LifecycleEntry = {
  at: Date;
  kind: string;
  authorType: "machine" | "human";
  /** data.alertKey: which alert (of possibly several) a trigger or resolve is about. */
  alertKey?: string | null;
  severity?: Severity | null;
  /** data.status of a human status change. */
  status?: IncidentStatus | null;
  /** When the alert a resolve ends had started (Alertmanager and Grafana send it). */
  startsAt?: Date | null;
};

export type IncidentState = {
  status: IncidentStatus;
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  severity: Severity;
};

const SEVERITY_ORDER: Severity[] = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"];
const earliest = (dates: Date[]) => (dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null);
const latest = <T extends { at: Date }>(items: T[]) => items.reduce<T | null>((a, b) => (!a || b.at >= a.at ? b : a), null);

/**
 * The incident's lifecycle, recomputed from its whole timeline by event time, so delivery order
 * never matters: a resolve that arrives before its trigger still ends resolved, with the right
 * times. Several alerts on one incident: it is resolved when every alert's last word is resolve.
 * A human status change newer than the last alert transition wins over the machine's view.
 */
export function deriveIncidentState(entries: LifecycleEntry[], current: Omit<IncidentState, "status"> & { status: IncidentStatus }): IncidentState {
  const machine = entries.filter((e) => e.authorType === "machine");
  const triggers = machine.filter((e) => e.kind === "trigger");
  const transitions = machine.filter((e) => e.kind === "trigger" || e.kind === "resolve");
  const byAlert = new Map<string, LifecycleEntry>();
  for (const entry of [...transitions].sort((a, b) => a.at.getTime() - b.at.getTime())) byAlert.set(entry.alertKey ?? "default", entry);
  const isResolved = byAlert.size > 0 && [...byAlert.values()].every((e) => e.kind === "resolve");

  // Milestones come from the evidence when it has them (so a split or merge moves them too), and
  // stay as they were (set by a person, or at creation) when it has none.
  const starts = [...triggers.map((e) => e.at), ...machine.flatMap((e) => (e.kind === "resolve" && e.startsAt ? [e.startsAt] : []))];
  const startedAt = earliest(starts) ?? current.startedAt;
  const detectedAt = earliest(starts) ?? current.detectedAt;
  const acknowledgedAt = earliest(entries.filter((e) => e.kind === "acknowledge").map((e) => e.at)) ?? current.acknowledgedAt;
  const resolvedAt = isResolved ? new Date(Math.max(...transitions.filter((e) => e.kind === "resolve").map((e) => e.at.getTime()))) : null;

  const lastTransition = latest(transitions);
  const humanStatus = latest(entries.filter((e) => e.authorType === "human" && e.kind === "status_change" && e.status));
  let status: IncidentStatus;
  if (humanStatus?.status && (!lastTransition || humanStatus.at > lastTransition.at)) status = humanStatus.status;
  else if (transitions.length === 0) status = current.status;
  else if (isResolved) status = "resolved";
  else status = acknowledgedAt ? "investigating" : "triggered";

  const priorityChange = latest(machine.filter((e) => e.kind === "priority_change" && e.severity));
  const triggerSeverities = triggers.map((e) => e.severity).filter((s): s is Severity => Boolean(s));
  const mostSevere = triggerSeverities.sort((a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b))[0];
  const severity = priorityChange?.severity ?? mostSevere ?? current.severity;

  return { status, startedAt, detectedAt, acknowledgedAt, resolvedAt: status === "resolved" ? (resolvedAt ?? current.resolvedAt) : null, severity };
}
