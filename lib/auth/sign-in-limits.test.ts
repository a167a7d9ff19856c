import { describe, expect, it } from "vitest";
import { DEFAULT_SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS, describeSignInThrottle, findSignInThrottle, type SignInCounter } from "./sign-in-limits";

const opened = new Date("2026-12-02T09:00:00Z");
const account = (attempts: number, windowStartedAt = opened): SignInCounter => ({ scope: "account", key: "dana@example.com", attempts, windowStartedAt });
const ip = (attempts: number, windowStartedAt = opened): SignInCounter => ({ scope: "ip", key: "203.0.113.7", attempts, windowStartedAt });

describe("findSignInThrottle", () => {
  it("lets five attempts per account and twenty per IP through, and refuses the next", () => {
    expect(findSignInThrottle([account(5), ip(20)], DEFAULT_SIGN_IN_LIMITS)).toBeNull();
    expect(findSignInThrottle([account(6), ip(6)], DEFAULT_SIGN_IN_LIMITS)).toEqual({ scope: "account", retryAt: new Date(opened.getTime() + SIGN_IN_WINDOW_MS), firstRefusals: ["account"] });
    expect(findSignInThrottle([account(1), ip(21)], DEFAULT_SIGN_IN_LIMITS)).toMatchObject({ scope: "ip", firstRefusals: ["ip"] });
  });

  it("audits a window's first refusal only, and gives the retry time of the limit that holds longest", () => {
    const later = new Date(opened.getTime() + 5 * 60_000);
    const both = findSignInThrottle([account(9), ip(21, later)], DEFAULT_SIGN_IN_LIMITS);
    expect(both).toEqual({ scope: "ip", retryAt: new Date(later.getTime() + SIGN_IN_WINDOW_MS), firstRefusals: ["ip"] });
  });
});

describe("describeSignInThrottle", () => {
  it("says which limit and when to retry, as a RATE_LIMITED error (429)", () => {
    const error = describeSignInThrottle({ scope: "account", retryAt: new Date("2026-12-02T09:15:00Z") }, new Date("2026-12-02T09:00:30Z"));
    expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, details: { scope: "account", retryAt: "2026-12-02T09:15:00.000Z" } });
    expect(error.message).toBe("Too many failed sign-in attempts for this e-mail. Try again in 15 minutes (after 09:15 UTC).");
    expect(describeSignInThrottle({ scope: "ip", retryAt: new Date("2026-12-02T09:15:00Z") }, new Date("2026-12-02T09:14:50Z")).message).toBe(
      "Too many failed sign-in attempts from your network. Try again in 1 minute (after 09:15 UTC).",
    );
  });
});
