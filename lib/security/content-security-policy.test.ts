import { describe, expect, it } from "vitest";
import { buildPageCsp, createNonce, STATIC_CSP } from "./content-security-policy";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("content security policy", () => {
  it("gives every request its own unguessable nonce", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });

  it("lets a page run only scripts carrying its nonce, never inline ones", () => {
    const nonce = createNonce();
    const policy = directives(buildPageCsp(nonce, { isDevelopment: false }));
    expect(policy["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(buildPageCsp(nonce, { isDevelopment: false })).not.toContain("unsafe-eval");
  });

  it("allows eval only in development, for React's dev build", () => {
    expect(directives(buildPageCsp(createNonce(), { isDevelopment: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("refuses a nonce that could break out of the header or be guessed", () => {
    expect(() => buildPageCsp("abc", { isDevelopment: false })).toThrow();
    expect(() => buildPageCsp("AAAAAAAAAAAAAAAAAAAA'; script-src *", { isDevelopment: false })).toThrow();
  });

  it("lets what is not a page load and run nothing", () => {
    expect(directives(STATIC_CSP)).toEqual({ "default-src": ["'none'"], "frame-ancestors": ["'none'"], "base-uri": ["'none'"], "form-action": ["'none'"] });
  });
});
