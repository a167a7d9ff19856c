import { z } from "zod";

const statement = z.object({ text: z.string().trim().min(1, "A statement needs text.").max(5000), citations: z.array(z.string().min(1)).max(200) });
const statements = z.object({ statements: z.array(statement).max(100) });
const iso = z.iso.datetime({ offset: true });

/** What a person may save into each section of a report or status update. */
export const REPORT_SECTION_SCHEMAS = {
  summary: statements,
  remediation: statements,
  timeline: z.object({
    items: z.array(z.object({ at: iso, kind: z.string().min(1), text: z.string().trim().min(1).max(2000), citations: z.array(z.string()).max(500), folded: z.unknown().optional() })).max(2000),
  }),
  impact: z.object({
    startedAt: iso,
    endedAt: iso.nullable(),
    durationMinutes: z.number().int().min(0).nullable(),
    timeToAcknowledgeMinutes: z.number().int().min(0).nullable(),
    timeToResolveMinutes: z.number().int().min(0).nullable(),
    severity: z.enum(["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]),
    services: z.array(z.string().min(1)).max(100),
    figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string().nullable(), series: z.string(), window: z.object({ from: iso, to: iso }), citations: z.array(z.string()) })).max(100),
    statements: z.array(statement).max(100),
  }),
  rootCause: z.object({
    status: z.enum(["preliminary", "confirmed"]),
    candidates: z.array(z.object({ title: z.string().min(1).max(500), score: z.number().min(0).max(1), evidenceFor: z.array(statement), evidenceAgainst: z.array(statement) })).max(20),
    statements: z.array(statement).max(50),
  }),
  actionItems: z.object({
    items: z.array(z.object({ title: z.string().trim().min(1).max(500), owner: z.string().max(200).nullable(), dueSuggestion: z.string().max(40).nullable(), citations: z.array(z.string()) })).max(100),
  }),
} as const;

export const STATUS_UPDATE_SECTION_SCHEMAS = {
  status: z.object({ value: z.string().min(1), statements: z.array(statement).max(20) }),
  currentImpact: statements,
  latestDevelopment: statements,
  nextUpdateAt: iso.nullable(),
} as const;

/** Every citation inside a section's content, wherever it sits. */
export function citationsIn(content: unknown): string[] {
  if (Array.isArray(content)) return content.flatMap(citationsIn);
  if (content && typeof content === "object") {
    return Object.entries(content).flatMap(([key, value]) => (key === "citations" && Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : citationsIn(value)));
  }
  return [];
}
