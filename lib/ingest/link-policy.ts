/** Sender keys that name one incident for ever (PagerDuty incident id, Opsgenie alert id). */
const PERMANENT_PREFIXES = ["pd-incident:", "og-alert:"];

/** Keys that group several alerts (an Alertmanager or Grafana notification group): they only
 * join alerts that also share a service, or a group by alertname would pour every service into one. */
const GROUP_PREFIXES = ["am-group:", "gf-group:"];

/** How long after resolving a recurring key (a fingerprint, a monitor) still reopens the incident. */
export const REOPEN_WINDOW_MS = 60 * 60_000;

export function isPermanentKey(key: string): boolean {
  return PERMANENT_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * Whether a sender key's link to an incident still applies to an event. Fingerprints, groups,
 * aliases and monitors recur: a firing next week is a new incident, not the old one reopened.
 */
export function isLinkUsable(
  key: string,
  incident: { resolvedAt: Date | null; services?: string[] },
  event: { at: Date; services?: string[] },
): boolean {
  if (GROUP_PREFIXES.some((prefix) => key.startsWith(prefix))) {
    const theirs = new Set((incident.services ?? []).map((s) => s.toLowerCase()));
    const ours = event.services ?? [];
    if (theirs.size > 0 && ours.length > 0 && !ours.some((s) => theirs.has(s.toLowerCase()))) return false;
  }
  if (isPermanentKey(key) || incident.resolvedAt === null) return true;
  return incident.resolvedAt.getTime() >= event.at.getTime() - REOPEN_WINDOW_MS;
}

/** Services as one spelling, so "Checkout-API" from PagerDuty meets "checkout-api" from Alertmanager. */
export function normalizeServices(services: string[]): string[] {
  return [...new Set(services.map((s) => s.trim().toLowerCase()).filter(Boolean))];
}
