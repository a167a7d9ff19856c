import { describe, expect, it } from "vitest";
import { extractPresentedTokens, matchesAnyToken } from "./verify-token";

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("extractPresentedTokens", () => {
  it("reads bearer, basic (password) and a custom header", () => {
    expect(extractPresentedTokens({ authorization: "Bearer abc123" }, null)).toEqual(["abc123"]);
    expect(extractPresentedTokens({ authorization: basic("alertmanager", "s3:cr:et") }, null)).toEqual(["s3:cr:et"]);
    expect(extractPresentedTokens({ "x-sitrep-token": " tok " }, "X-Sitrep-Token")).toEqual(["tok"]);
    expect(extractPresentedTokens({ "x-sitrep-token": "tok" }, null)).toEqual([]);
    expect(extractPresentedTokens({ authorization: "Bearer " }, null)).toEqual([]);
    expect(extractPresentedTokens({ authorization: basic("user", "") }, null)).toEqual([]);
  });
});

describe("matchesAnyToken", () => {
  it("accepts any configured token (rotation) and nothing else", () => {
    expect(matchesAnyToken(["new"], ["old", "new"])).toBe(true);
    expect(matchesAnyToken(["nope", "old"], ["old"])).toBe(true);
    expect(matchesAnyToken(["ne"], ["new"])).toBe(false);
    expect(matchesAnyToken(["new "], ["new"])).toBe(false);
    expect(matchesAnyToken([], ["new"])).toBe(false);
  });

  it("accepts nothing when no token is configured", () => {
    expect(matchesAnyToken(["anything"], [])).toBe(false);
    expect(matchesAnyToken([""], [""])).toBe(false);
  });
});
