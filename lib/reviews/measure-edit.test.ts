import { describe, expect, it } from "vitest";
import { measureEdit } from "./measure-edit";

describe("measureEdit", () => {
  it("counts the characters a person added and removed, and nothing for no change", () => {
    const machine = { statements: [{ text: "Checkout failed for 12 minutes.", citations: ["e1"] }] };
    expect(measureEdit("summary", machine, machine)).toBe(0);
    expect(measureEdit("summary", machine, { statements: [{ text: "Checkout failed for 14 minutes.", citations: ["e1"] }] })).toBe(2);
    expect(measureEdit("summary", machine, { statements: [...machine.statements, { text: "Rolled back.", citations: [] }] })).toBe("\nRolled back. (no evidence)".length);
  });
});
