import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./is-database-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises an outage or a saturated database, however deep the cause", () => {
    expect(isDatabaseUnavailable({ code: "ECONNREFUSED" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { code: "P1001" } }))).toBe(true);
    // An interactive transaction that expired waiting on locks: nothing committed, worth a retry.
    expect(isDatabaseUnavailable({ code: "P2028", message: "Transaction API error: A query cannot be executed on an expired transaction." })).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
