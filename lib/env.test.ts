import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, parseStartupEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u:secret-pw@db:5432/sitrep", AUTH_SECRET: "x".repeat(32) };

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("accepts a minimal valid environment and applies defaults", () => {
    expect(parseEnv(valid)).toMatchObject({ OIDC_DEFAULT_ROLE: "VIEWER", OIDC_NAME: "Single sign-on" });
  });

  it("checks the mail settings: a sender address, URLs for Resend and SMTP", () => {
    expect(parseEnv(valid).EMAIL_FROM).toBe("Sitrep <incidents@sitrep.local>");
    expect(parseEnv({ ...valid, EMAIL_FROM: "Ops <ops@example.com>", RESEND_API_KEY: "re_123456789", SMTP_URL: "smtp://127.0.0.1:1025" })).toMatchObject({ EMAIL_FROM: "Ops <ops@example.com>" });
    expect(problems({ ...valid, EMAIL_FROM: "not an address", RESEND_BASE_URL: "nope", SMTP_URL: "http://mail" }).map((p) => p.split(" ")[0]).sort()).toEqual(["EMAIL_FROM", "RESEND_BASE_URL", "SMTP_URL"]);
  });

  it("takes the email retry delay in whole seconds, 5 unless set", () => {
    expect(parseEnv(valid).EMAIL_RETRY_DELAY_SECONDS).toBe(5);
    expect(parseEnv({ ...valid, EMAIL_RETRY_DELAY_SECONDS: "1" }).EMAIL_RETRY_DELAY_SECONDS).toBe(1);
    expect(problems({ ...valid, EMAIL_RETRY_DELAY_SECONDS: "0" })).toEqual(["EMAIL_RETRY_DELAY_SECONDS must be 1–300"]);
    expect(problems({ ...valid, EMAIL_RETRY_DELAY_SECONDS: "soon" })).toEqual(["EMAIL_RETRY_DELAY_SECONDS must be a number of seconds"]);
  });

  it("names each missing or malformed variable", () => {
    expect(problems({})).toEqual([expect.stringMatching(/^DATABASE_URL is required/), expect.stringMatching(/^AUTH_SECRET is required/)]);
    expect(problems({ ...valid, DATABASE_URL: "mysql://x" })).toEqual(["DATABASE_URL must be a postgresql:// connection URL"]);
    expect(problems({ ...valid, AUTH_SECRET: "short" })).toEqual(["AUTH_SECRET must be at least 32 characters long"]);
    expect(problems({ ...valid, OIDC_DEFAULT_ROLE: "ROOT" })[0]).toMatch(/^OIDC_DEFAULT_ROLE /);
    expect(problems({ ...valid, AUTH_SECRET: "" })[0]).toMatch(/^AUTH_SECRET is required/);
  });

  it("refuses weak webhook secrets and names them", () => {
    expect(problems({ ...valid, PAGERDUTY_WEBHOOK_SECRETS: "a-long-enough-secret-1,short" })).toEqual(["PAGERDUTY_WEBHOOK_SECRETS must be at least 16 characters (each, when comma-separated)"]);
    expect(problems({ ...valid, SITREP_WORKERS: "maybe" })).toEqual(["SITREP_WORKERS must be on or off"]);
  });

  it("reads the proxy setting and the sign-in limits, with safe defaults", () => {
    expect(parseEnv(valid)).toMatchObject({ TRUST_PROXY: 0, SIGN_IN_ACCOUNT_LIMIT: 5, SIGN_IN_IP_LIMIT: 20 });
    expect(parseEnv({ ...valid, TRUST_PROXY: "1", SIGN_IN_IP_LIMIT: "100" })).toMatchObject({ TRUST_PROXY: 1, SIGN_IN_IP_LIMIT: 100 });
    expect(problems({ ...valid, TRUST_PROXY: "yes", SIGN_IN_ACCOUNT_LIMIT: "0" }).map((p) => p.split(" ")[0]).sort()).toEqual(["SIGN_IN_ACCOUNT_LIMIT", "TRUST_PROXY"]);
  });

  it("requires the OIDC variables together", () => {
    expect(problems({ ...valid, OIDC_ISSUER: "https://id.example.com" })).toEqual([
      "OIDC_CLIENT_ID is required when OIDC_ISSUER is set",
      "OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set",
    ]);
    expect(problems({ ...valid, OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" })).toEqual([]);
  });

  it("never repeats a value in its message", () => {
    const error = (() => {
      try {
        parseEnv({ DATABASE_URL: "mysql://u:secret-pw@db", AUTH_SECRET: "tiny-secret" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain("secret-pw");
    expect(error?.message).not.toContain("tiny-secret");
  });
});

describe("parseStartupEnv", () => {
  it("defaults the ports and names a bad one", () => {
    expect(parseStartupEnv({})).toEqual({ PORT: 3000, EMBEDDED_POSTGRES_PORT: 54329 });
    expect(() => parseStartupEnv({ PORT: "abc" })).toThrow(/PORT must be a port number/);
    expect(() => parseStartupEnv({ EMBEDDED_POSTGRES_PORT: "70000" })).toThrow(/EMBEDDED_POSTGRES_PORT must be 1–65535/);
    expect(() => parseStartupEnv({ DEMO_PASSWORD: "short" })).toThrow(/DEMO_PASSWORD must be at least 12/);
  });
});
