import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps the path and query of a same-site URL, whatever host Auth.js put in front", () => {
    expect(safeCallbackUrl("/incidents/INC-4?tab=timeline")).toBe("/incidents/INC-4?tab=timeline");
    expect(safeCallbackUrl("http://localhost:3000/queue?severity=SEV1")).toBe("/queue?severity=SEV1");
  });

  it("never redirects off-site or back into sign-in", () => {
    expect(safeCallbackUrl("https://evil.example/phish")).toBe("/phish");
    expect(safeCallbackUrl("//evil.example/x")).toBe("/x");
    expect(safeCallbackUrl("/login?callbackUrl=/x")).toBe("/incidents");
    expect(safeCallbackUrl("/api/auth/signout")).toBe("/incidents");
    expect(safeCallbackUrl(undefined)).toBe("/incidents");
    expect(safeCallbackUrl(42)).toBe("/incidents");
  });
});
