import { z } from "zod";
import { severitySchema } from "@/lib/incidents/schemas";

const STATEMENT_MAX = 5000;
const citations = (max: number) => z.array(z.string().min(1)).max(max, `At most ${max} citations.`);
const statement = z.object({
  text: z.string().trim().min(1, "A statement needs text.").max(STATEMENT_MAX, `A statement is limited to ${STATEMENT_MAX.toLocaleString("en")} characters; shorten it or split it into several.`),
  citations: citations(200),
});
const statements = z.object({ statements: z.array(statement).max(100, "At most 100 statements.") });
const iso = z.iso.datetime({ offset: true, error: "A date and time (UTC) is needed." });
const minutes = z.number().int("Whole minutes.").min(0, "Cannot be negative.").nullable();
export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;

const timelineItem = z.object({
  at: iso,
  kind: z.string().min(1),
  text: z.string().trim().min(1, "An entry needs text.").max(2000, "A timeline entry is limited to 2,000 characters."),
  citations: citations(500),
  folded: z.unknown().optional(),
  /** Kept in the editor but left out of what is sent. */
  hidden: z.boolean().optional(),
});

const impact = z
  .object({
    startedAt: iso,
    endedAt: iso.nullable(),
    durationMinutes: minutes,
    timeToAcknowledgeMinutes: minutes,
    timeToResolveMinutes: minutes,
    severity: severitySchema,
    services: z.array(z.string().trim().min(1).max(200)).max(100),
    figures: z
      .array(
        z.object({
          label: z.string().trim().min(1, "A figure needs a label.").max(200),
          value: z.number({ error: "A number is needed." }).finite(),
          unit: z.string().max(40).nullable(),
          series: z.string().max(500),
          window: z.object({ from: iso, to: iso }),
          citations: citations(200),
        }),
      )
      .max(100),
    statements: z.array(statement).max(100),
  })
  .superRefine((value, ctx) => {
    if (value.endedAt && Date.parse(value.endedAt) < Date.parse(value.startedAt)) {
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: "The end is before the start: an incident cannot be resolved before it started." });
    }
    const span = value.endedAt ? Math.round((Date.parse(value.endedAt) - Date.parse(value.startedAt)) / 60_000) : null;
    if (span !== null && span >= 0 && value.timeToAcknowledgeMinutes !== null && value.timeToAcknowledgeMinutes > span) {
      ctx.addIssue({ code: "custom", path: ["timeToAcknowledgeMinutes"], message: "Acknowledged after the incident ended: check the times." });
    }
  });

/** What a person may save into each section of a report or status update. */
export const REPORT_SECTION_SCHEMAS = {
  summary: statements,
  remediation: statements,
  timeline: z.object({ items: z.array(timelineItem).max(10_000, "At most 10,000 timeline entries.") }),
  impact,
  rootCause: z.object({
    status: z.enum(["preliminary", "confirmed"]),
    candidates: z.array(z.object({ title: z.string().min(1).max(500), score: z.number().min(0).max(1), evidenceFor: z.array(statement), evidenceAgainst: z.array(statement) })).max(20),
    statements: z.array(statement).max(50),
    /** The candidate a person picked as the cause, by position. */
    chosen: z.number().int().min(0).nullable().optional(),
  }),
  actionItems: z.object({
    items: z
      .array(
        z.object({
          title: z.string().trim().min(1, "An action item needs a title.").max(500),
          owner: z.string().max(200).nullable(),
          ownerId: z.string().max(100).nullable().optional(),
          dueSuggestion: z.string().max(40).nullable(),
          dueAt: z.iso.date({ error: "A date (YYYY-MM-DD) is needed." }).nullable().optional(),
          status: z.enum(ACTION_ITEM_STATUSES).optional(),
          citations: citations(200),
        }),
      )
      .max(100),
  }),
} as const;

export const STATUS_UPDATE_SECTION_SCHEMAS = {
  status: z.object({ value: z.string().min(1), statements: z.array(statement).max(20) }),
  currentImpact: statements,
  latestDevelopment: statements,
  nextUpdateAt: iso.nullable(),
} as const;

export function sectionSchemaFor(kind: "report" | "status_update", section: string): z.ZodType | undefined {
  const schemas: Record<string, z.ZodType> = kind === "report" ? REPORT_SECTION_SCHEMAS : STATUS_UPDATE_SECTION_SCHEMAS;
  return Object.hasOwn(schemas, section) ? schemas[section] : undefined;
}

/** Every citation inside a section's content, wherever it sits. */
export function citationsIn(content: unknown): string[] {
  if (Array.isArray(content)) return content.flatMap(citationsIn);
  if (content && typeof content === "object") {
    return Object.entries(content).flatMap(([key, value]) => (key === "citations" && Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : citationsIn(value)));
  }
  return [];
}
