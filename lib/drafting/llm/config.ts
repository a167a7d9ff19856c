import { z } from "zod";
import { EnvError } from "@/lib/env";

export const AI_PROVIDERS = ["openai", "anthropic", "openai-compatible"] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];

export type LlmConfig = {
  provider: AiProvider;
  model: string;
  apiKey: string | undefined;
  baseURL: string | undefined;
  timeoutMs: number;
};

export const DEFAULT_LLM_TIMEOUT_MS = 20_000;

const AI_VARIABLES = ["AI_PROVIDER", "AI_MODEL", "AI_API_KEY", "AI_BASE_URL", "AI_TIMEOUT_MS"] as const;

const llmEnvSchema = z
  .object({
    AI_PROVIDER: z.enum(AI_PROVIDERS, {
      error: `is required when any AI_* variable is set, and must be one of ${AI_PROVIDERS.join(", ")}`,
    }),
    AI_MODEL: z.string({ error: "is required when AI_PROVIDER is set (the model id, e.g. gpt-4.1-mini)" }).min(1),
    AI_API_KEY: z.string().min(1).optional(),
    AI_BASE_URL: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:11434/v1" })
      .optional(),
    AI_TIMEOUT_MS: z.coerce
      .number({ error: "must be a number of milliseconds" })
      .int("must be a whole number of milliseconds")
      .min(100, "must be at least 100 ms")
      .max(600_000, "must be at most 600000 ms (10 minutes)")
      .default(DEFAULT_LLM_TIMEOUT_MS),
  })
  .superRefine((env, ctx) => {
    // Hosted providers always need a key; a local OpenAI-compatible server (Ollama, vLLM) often does not.
    if (env.AI_PROVIDER !== "openai-compatible" && !env.AI_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["AI_API_KEY"], message: `is required when AI_PROVIDER is ${env.AI_PROVIDER}` });
    }
    // There is no default server for "compatible": without a URL the SDK has nowhere to send the request.
    if (env.AI_PROVIDER === "openai-compatible" && !env.AI_BASE_URL) {
      ctx.addIssue({ code: "custom", path: ["AI_BASE_URL"], message: "is required when AI_PROVIDER is openai-compatible" });
    }
  });

/**
 * Reads the optional LLM writer's settings. Returns null when no AI_* variable is set (the writer is
 * off and the deterministic draft is used); throws an EnvError naming each bad variable, never its value.
 */
export function parseLlmConfig(source: Record<string, string | undefined>): LlmConfig | null {
  const cleaned = Object.fromEntries(AI_VARIABLES.map((name) => [name, source[name]?.trim() || undefined]));
  if (Object.values(cleaned).every((value) => value === undefined)) return null;
  const result = llmEnvSchema.safeParse(cleaned);
  if (!result.success) throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  const env = result.data;
  return {
    provider: env.AI_PROVIDER,
    model: env.AI_MODEL,
    apiKey: env.AI_API_KEY,
    baseURL: env.AI_BASE_URL,
    timeoutMs: env.AI_TIMEOUT_MS,
  };
}
