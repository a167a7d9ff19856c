export type CorrelationCandidate = { id: string; services: string[]; startedAt: Date; resolvedAt: Date | null };

/** How far apart two senders' reports of the same outage may be and still be one incident. */
export const CORRELATION_WINDOW_MS = 30 * 60_000;

/** An incident left open longer than this no longer absorbs new alerts on its service by itself. */
export const OPEN_INCIDENT_HORIZON_MS = 24 * 3_600_000;

/**
 * Across senders, the same outage is recognised by a shared service and overlapping time: the
 * event falls between the incident's start and its resolution (or now), widened by the window.
 * Open incidents win over resolved ones; then the one that started closest to the event.
 */
export function pickCorrelatedIncident(
  candidates: CorrelationCandidate[],
  event: { services: string[]; occurredAt: Date },
  windowMs = CORRELATION_WINDOW_MS,
): string | null {
  const services = new Set(event.services.map((s) => s.trim().toLowerCase()).filter(Boolean));
  if (services.size === 0) return null;
  const at = event.occurredAt.getTime();
  const matches = candidates.filter((c) => {
    const sharesService = c.services.some((s) => services.has(s.trim().toLowerCase()));
    const from = c.startedAt.getTime() - windowMs;
    const until = c.resolvedAt ? c.resolvedAt.getTime() + windowMs : c.startedAt.getTime() + OPEN_INCIDENT_HORIZON_MS;
    return sharesService && at >= from && at <= until;
  });
  matches.sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || Math.abs(a.startedAt.getTime() - at) - Math.abs(b.startedAt.getTime() - at));
  return matches[0]?.id ?? null;
}
