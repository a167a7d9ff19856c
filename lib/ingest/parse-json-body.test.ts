import { describe, expect, it } from "vitest";
import { parseJsonBody } from "./parse-json-body";

describe("parseJsonBody", () => {
  it("keeps safe numbers as numbers and turns larger integers into exact bigints", () => {
    const result = parseJsonBody('{"updatedAt":1686840000123456789,"count":3,"ratio":0.25,"id":"x"}');
    expect(result).toEqual({ ok: true, value: { updatedAt: 1686840000123456789n, count: 3, ratio: 0.25, id: "x" } });
  });

  it("explains malformed JSON", () => {
    const result = parseJsonBody('{"event": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^Malformed JSON/);
  });
});
