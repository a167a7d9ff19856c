import { describe, expect, it } from "vitest";
import { formatShareToken, newShareLinkId, parseShareToken } from "@/lib/stakeholder/share-token";

const secret = "a-test-secret-that-is-long-enough-123";

describe("share tokens", () => {
  it("round-trips the link id through its signed token", () => {
    const id = newShareLinkId();
    const token = formatShareToken(secret, id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(parseShareToken(secret, token)).toBe(id);
  });

  it("refuses a token signed with another secret, an altered id or signature, and junk", () => {
    const id = newShareLinkId();
    const token = formatShareToken(secret, id);
    expect(parseShareToken("another-secret-that-is-long-enough-456", token)).toBeNull();
    const otherId = newShareLinkId();
    expect(parseShareToken(secret, `${otherId}${token.slice(22)}`)).toBeNull();
    const last = token.at(-2) === "A" ? "B" : "A";
    expect(parseShareToken(secret, `${token.slice(0, -2)}${last}${token.at(-1)}`)).toBeNull();
    // The last character carries 2 spare bits: a different character that decodes to the same bytes is still refused.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const final = alphabet.indexOf(token.at(-1)!);
    const twin = alphabet[(final & ~3) | ((final + 1) & 3)]!;
    expect(Buffer.from(`${token.slice(23, -1)}${twin}`, "base64url")).toEqual(Buffer.from(token.slice(23), "base64url"));
    expect(parseShareToken(secret, `${token.slice(0, -1)}${twin}`)).toBeNull();
    for (const junk of ["", "abc", `${id}.`, `${token}x`, `${token.replace(".", "")}`, "../../etc/passwd", `${id}.${"=".repeat(43)}`]) {
      expect(parseShareToken(secret, junk)).toBeNull();
    }
  });
});
