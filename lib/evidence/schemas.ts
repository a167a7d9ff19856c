import { z } from "zod";

const MAX_TEXT = 2 * 1024 * 1024;

/** What POST /api/incidents/{key}/evidence and the incident page's upload form accept. */
const evidenceUnion = z.discriminatedUnion("format", [
  z.object({
    format: z.literal("slack_export"),
    channel: z.string().trim().min(1).max(80).optional(),
    files: z.array(z.object({ name: z.string().min(1).max(300), content: z.unknown() })).min(1).max(400),
    users: z.unknown().optional(),
  }),
  z.object({ format: z.literal("chat_lines"), text: z.string().min(1).max(MAX_TEXT), referenceDate: z.coerce.date().optional(), source: z.string().trim().max(80).optional() }),
  z.object({ format: z.literal("metrics_csv"), text: z.string().min(1).max(MAX_TEXT) }),
  z.object({ format: z.literal("prometheus"), body: z.unknown() }),
  z.object({
    format: z.literal("change"),
    at: z.coerce.date(),
    text: z.string().trim().min(1).max(2000),
    service: z.string().trim().max(120).optional(),
    // A deploy tool's link is shown as one: never a javascript:, data: or other non-web URL.
    url: z.url({ protocol: /^https?$/, error: "The link must be an http(s) URL." }).max(2000).optional(),
    source: z.string().trim().max(80).default("Change"),
  }),
  z.object({
    format: z.literal("note"),
    text: z.string().trim().min(1).max(10_000),
    at: z.coerce.date().optional(),
    /** Where it came from ("kubectl logs checkout-7f9", "Slack #inc-42"); Sitrep when absent. */
    source: z.string().trim().min(1).max(80).optional(),
    /** A link to the original (a log query, a dashboard, a message). */
    url: z.url({ protocol: /^https?$/, error: "The link must be an http(s) URL." }).max(2000).optional(),
  }),
]);

// Deploy tools tend to say what an event is ({"kind": "change"}); accept that spelling too.
export const addEvidenceSchema = z.preprocess((value) => {
  if (value && typeof value === "object" && !("format" in value) && "kind" in value) return { ...value, format: (value as { kind: unknown }).kind };
  return value;
}, evidenceUnion);

export type AddEvidenceInput = z.input<typeof addEvidenceSchema>;
