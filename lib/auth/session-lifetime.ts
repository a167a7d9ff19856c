/**
 * How long a signed-in browser counts. The JWT cookie rolls forward on every request, so these
 * server-side limits, kept on the UserSession row, are what actually end a session.
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** A working shift: after this, sign in again, however active the browser was. */
export const SESSION_ABSOLUTE_MS = SESSION_MAX_AGE_SECONDS * 1000;
/** Any request counts as use (a visible tab's navigation badge polls every 10 s); a closed laptop or a hidden tab does not. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading a page is not a write each time. */
export const SESSION_TOUCH_MS = 60_000;

export type SessionTimes = { expiresAt: Date; lastSeenAt: Date; revokedAt: Date | null };

export function sessionExpiresAt(startedAt: Date): Date {
  return new Date(startedAt.getTime() + SESSION_ABSOLUTE_MS);
}

/** The oldest lastSeenAt a live session may have at `now`. */
export function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_MS);
}

export function isSessionLive(session: SessionTimes, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt > now && session.lastSeenAt > idleCutoff(now);
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}
