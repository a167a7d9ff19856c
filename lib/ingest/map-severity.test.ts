import { describe, expect, it } from "vitest";
import { mapSeverity } from "./map-severity";

describe("mapSeverity", () => {
  it("maps the senders' spellings", () => {
    expect(mapSeverity("P1")).toBe("SEV1");
    expect(mapSeverity("p5")).toBe("SEV5");
    expect(mapSeverity("critical")).toBe("SEV1");
    expect(mapSeverity("warning")).toBe("SEV3");
    expect(mapSeverity("SEV-2")).toBe("SEV2");
    expect(mapSeverity("Sev 4")).toBe("SEV4");
    expect(mapSeverity("high")).toBe("SEV2");
  });

  it("lets an integration override the defaults, case-insensitively", () => {
    expect(mapSeverity("critical", { Critical: "SEV2" })).toBe("SEV2");
    expect(mapSeverity("disaster", { disaster: "SEV1" })).toBe("SEV1");
  });

  it("returns null for nothing or unknown values", () => {
    expect(mapSeverity(null)).toBeNull();
    expect(mapSeverity("purple")).toBeNull();
  });
});
