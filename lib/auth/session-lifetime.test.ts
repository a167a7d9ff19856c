import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, isSessionLive, needsTouch, sessionExpiresAt } from "./session-lifetime";

const start = new Date("2026-12-02T08:00:00Z");
const after = (ms: number) => new Date(start.getTime() + ms);

describe("session lifetime", () => {
  it("ends a session twelve hours after it began, however active", () => {
    const session = { expiresAt: sessionExpiresAt(start), lastSeenAt: after(SESSION_ABSOLUTE_MS - 1000), revokedAt: null };
    expect(isSessionLive(session, after(SESSION_ABSOLUTE_MS - 500))).toBe(true);
    expect(isSessionLive(session, after(SESSION_ABSOLUTE_MS))).toBe(false);
  });

  it("ends a session left idle for two hours, and a revoked one at once", () => {
    const session = { expiresAt: sessionExpiresAt(start), lastSeenAt: start, revokedAt: null };
    expect(isSessionLive(session, after(SESSION_IDLE_MS - 1000))).toBe(true);
    expect(isSessionLive(session, after(SESSION_IDLE_MS))).toBe(false);
    expect(isSessionLive({ ...session, revokedAt: after(1000) }, after(2000))).toBe(false);
  });

  it("records activity at most once a minute", () => {
    expect(needsTouch(start, after(59_999))).toBe(false);
    expect(needsTouch(start, after(60_000))).toBe(true);
  });
});
