import { z } from "zod";
import { categorySchema, oneOrMany, severitySchema } from "@/lib/incidents/schemas";

const day = z.iso.date({ error: "A date (YYYY-MM-DD) is needed." });

const GROUPS = ["severity", "category", "service", "tag"] as const;

export const insightsFilterSchema = z
  .object({
    period: z.enum(["7", "30", "90", "custom"], { error: "Pick 7, 30 or 90 days, or custom." }).default("30"),
    from: day.optional(),
    to: day.optional(),
    severity: oneOrMany(severitySchema),
    category: oneOrMany(categorySchema),
    service: z.string().trim().max(200).regex(/^[^\p{Cc}]*$/u, "No control characters.").optional().transform((v) => v || undefined),
    tag: z.string().trim().max(100).regex(/^[^\p{Cc}]*$/u, "No control characters.").optional().transform((v) => v || undefined),
    groupBy: z.enum(GROUPS).default("severity"),
  })
  .superRefine((value, ctx) => {
    if (value.period !== "custom") return;
    if (!value.from || !value.to) ctx.addIssue({ code: "custom", path: ["from"], message: "A custom period needs both a from and a to date." });
    else if (value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "The period ends before it starts." });
  });

export type InsightsFilter = z.input<typeof insightsFilterSchema>;

/** The window a filter covers: the last N days up to now, or whole UTC days from..to. */
export function resolvePeriod(filter: z.output<typeof insightsFilterSchema>, now = new Date()): { from: Date; to: Date; bucket: "day" | "week" } {
  if (filter.period === "custom") {
    const from = new Date(`${filter.from}T00:00:00Z`);
    const to = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000);
    return { from, to, bucket: to.getTime() - from.getTime() <= 31 * 86_400_000 ? "day" : "week" };
  }
  const days = Number(filter.period);
  return { from: new Date(now.getTime() - days * 86_400_000), to: now, bucket: days <= 30 ? "day" : "week" };
}
