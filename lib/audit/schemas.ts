import { z } from "zod";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, "No control characters.")
    .optional()
    .transform((v) => v || undefined);
const moment = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .pipe(
    z
      .union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], { error: "A date (YYYY-MM-DD) or a date and time is needed." })
      .refine((v) => Number(v.slice(0, 4)) >= 1970, "A date from 1970 on is needed.")
      .optional(),
  );

/** The audit log's filters, shared by the page, the API and the exports. */
export const auditFilterSchema = z
  .object({
    /** Matches the actor's label (an e-mail, a token's name) or its id. */
    actor: text(200),
    /** An exact action (revision.approve) or a prefix ending in a dot (revision.). */
    action: text(100),
    /** An incident key (INC-12). */
    incident: text(40),
    from: moment,
    to: moment,
    /** Events older than this id (the next page). */
    before: z
      .string()
      .regex(/^\d{1,19}$/, "Not an event id.")
      .refine((v) => !/^\d{1,19}$/.test(v) || BigInt(v) <= 9223372036854775807n, "Not an event id.")
      .optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && toDate(value.from, "start") > toDate(value.to, "end")) ctx.addIssue({ code: "custom", path: ["to"], message: "The range ends before it starts." });
  });

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** A bare date covers its whole UTC day; a time without an offset is UTC. */
export function toDate(value: string, edge: "start" | "end"): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(edge === "start" ? `${value}T00:00:00.000Z` : `${value}T23:59:59.999Z`);
  const at = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`);
  // "to 18:00" means up to the end of that minute, not its first millisecond.
  if (edge === "end" && /T\d{2}:\d{2}(Z|[+-]|$)/.test(value)) return new Date(at.getTime() + 59_999);
  return at;
}
