import { describe, expect, it } from "vitest";
import { formatIncidentKey, parseIncidentKey } from "./incident-key";

describe("incident keys", () => {
  it("round-trips", () => {
    expect(formatIncidentKey(42)).toBe("INC-42");
    expect(parseIncidentKey("INC-42")).toBe(42);
    expect(parseIncidentKey("inc-7")).toBe(7);
  });

  it("rejects anything else", () => {
    for (const bad of ["42", "INC-", "INC-0", "INC-1x", "INC-12345678901", "../INC-1", ""]) {
      expect(parseIncidentKey(bad)).toBeNull();
    }
  });
});
