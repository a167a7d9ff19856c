import { z } from "zod";
import { DEFAULT_SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";

const role = z.enum(["ADMIN", "COMMANDER", "RESPONDER", "VIEWER", "AUDITOR"]);
// Each comma-separated value must be long enough to resist guessing.
const webhookSecret = z.string().refine((value) => value.split(",").every((part) => part.trim().length >= 16), "must be at least 16 characters (each, when comma-separated)");

const attemptLimit = z.coerce.number({ error: "must be a number of attempts" }).int("must be a whole number").min(1, "must be at least 1").max(1000);

/** Every environment variable the app reads. The README's table mirrors this schema. */
const envSchema = z
  .object({
    DATABASE_URL: z
      .string({ error: "is required (the start script sets it when it starts the embedded database)" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL"),
    AUTH_SECRET: z
      .string({ error: "is required: a random string of at least 32 characters (openssl rand -base64 32)" })
      .min(32, "must be at least 32 characters long"),
    AUTH_URL: z.url("must be an absolute URL such as https://sitrep.example.com").optional(),
    OIDC_ISSUER: z.url("must be the issuer URL of your OIDC provider").optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Single sign-on"),
    OIDC_DEFAULT_ROLE: role.default("VIEWER"),
    PAGERDUTY_WEBHOOK_SECRETS: webhookSecret.optional(),
    OPSGENIE_WEBHOOK_TOKEN: webhookSecret.optional(),
    ALERTMANAGER_WEBHOOK_TOKEN: webhookSecret.optional(),
    GRAFANA_WEBHOOK_SECRET: webhookSecret.optional(),
    GRAFANA_WEBHOOK_TOKEN: webhookSecret.optional(),
    DATADOG_WEBHOOK_TOKEN: webhookSecret.optional(),
    SITREP_WORKERS: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
    RESEND_API_KEY: z.string().min(8, "must be a Resend API key (re_…)").optional(),
    RESEND_BASE_URL: z.url("must be an absolute URL of a Resend-compatible API").optional(),
    EMAIL_FROM: z
      .string()
      .regex(/^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, "must be an address, or a name and an address: Sitrep <incidents@example.com>")
      .default("Sitrep <incidents@sitrep.local>"),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
    // How many reverse proxies in front append to X-Forwarded-For; 0 trusts only the socket (lib/http/client-ip.ts).
    TRUST_PROXY: z.coerce.number({ error: "must be a number of proxies (0 when none)" }).int("must be a whole number").min(0).max(10).default(0),
    SIGN_IN_ACCOUNT_LIMIT: attemptLimit.default(DEFAULT_SIGN_IN_LIMITS.account),
    SIGN_IN_IP_LIMIT: attemptLimit.default(DEFAULT_SIGN_IN_LIMITS.ip),
    EMAIL_RETRY_DELAY_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int("must be a whole number of seconds").min(1, "must be 1–300").max(300, "must be 1–300").default(5),
  })
  .superRefine((env, ctx) => {
    const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
    const set = oidc.filter((name) => env[name]);
    if (set.length > 0 && set.length < oidc.length) {
      for (const name of oidc.filter((n) => !env[n])) {
        ctx.addIssue({ code: "custom", path: [name], message: `is required when ${set.join(", ")} is set` });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; throws an EnvError naming each bad variable (never its value). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  return result.data;
}

const port = z.coerce.number({ error: "must be a port number" }).int("must be a whole number").min(1, "must be 1–65535").max(65535, "must be 1–65535");

/** Variables read by the start script and CLI before the app (and its schema above) runs. */
const startupSchema = z.object({
  PORT: port.default(3000),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  DEMO_PASSWORD: z.string().min(12, "must be at least 12 characters (it becomes the demo accounts' password)").max(72).optional(),
});

export type StartupEnv = z.infer<typeof startupSchema>;

/** Parses the start-up variables; throws an EnvError naming each bad one. */
export function parseStartupEnv(source: Record<string, string | undefined>): StartupEnv {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = startupSchema.safeParse(cleaned);
  if (!result.success) throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isOidcEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
