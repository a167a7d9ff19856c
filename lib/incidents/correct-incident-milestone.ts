import { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseIncidentKey } from "@/lib/incidents/incident-key";

const MILESTONES = ["startedAt", "acknowledgedAt", "resolvedAt"] as const;
type Milestone = (typeof MILESTONES)[number];
const CORRECTED = { startedAt: "startedAtCorrected", acknowledgedAt: "acknowledgedAtCorrected", resolvedAt: "resolvedAtCorrected" } as const;

export const correctMilestoneSchema = z.object({
  key: z.string().min(1),
  milestone: z.enum(MILESTONES, { error: "Pick started, acknowledged or resolved." }),
  /** The true time, or null to drop the correction and use the timeline's again. */
  at: z.iso.datetime({ offset: true, error: "A date and time (UTC) is needed." }).nullable(),
  reason: z.string().trim().min(3, "Say why (at least 3 characters): the audit log keeps it.").max(500),
});

/**
 * A commander corrects a milestone the timeline got wrong (the page came late, the resolve was
 * premature). The derived time is kept; metrics use the correction; the audit log shows both.
 */
export async function correctIncidentMilestone(ctx: Ctx, input: z.input<typeof correctMilestoneSchema>) {
  assertCan(ctx.actor, "milestones.correct");
  const { key, milestone, at, reason } = correctMilestoneSchema.parse(input);
  const number = parseIncidentKey(key);
  if (number === null) throw new AppError("NOT_FOUND", `No incident ${key}.`);
  return ctx.db.$transaction(async (tx) => {
    // Locked, so two corrections at once cannot each pass the order check and together break it.
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Incident" WHERE "number" = ${number} FOR UPDATE`;
    const incident = row ? await tx.incident.findUnique({ where: { id: row.id } }) : null;
    if (!incident) throw new AppError("NOT_FOUND", `No incident ${key}.`);
    if (incident.mergedIntoId) throw new AppError("CONFLICT", "This incident was merged into another; correct the milestones there.");
    if (milestone === "resolvedAt" && at && incident.status !== "resolved") throw new AppError("UNPROCESSABLE", "The incident is still open: it has no resolve time to correct.", { field: "milestone" });
    if (at && Date.parse(at) > Date.now() + 5 * 60_000) throw new AppError("UNPROCESSABLE", "A milestone cannot be in the future.", { field: "at" });
    const effective = (m: Milestone) => (m === milestone ? (at ? new Date(at) : incident[m]) : (incident[CORRECTED[m]] ?? incident[m]));
    const [started, acked, resolved] = MILESTONES.map(effective);
    if ((acked && started && acked < started) || (resolved && started && resolved < started) || (resolved && acked && resolved < acked)) {
      throw new AppError("UNPROCESSABLE", "Milestones must be in order: started, then acknowledged, then resolved.", { field: "at" });
    }
    const field = CORRECTED[milestone];
    const previous = incident[field];
    await tx.incident.update({ where: { id: incident.id }, data: { [field]: at ? new Date(at) : null, version: { increment: 1 } } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      {
        action: "incident.milestone_correct",
        targetType: "Incident",
        targetId: incident.id,
        incidentId: incident.id,
        before: { milestone, fromTimeline: incident[milestone]?.toISOString() ?? null, corrected: previous?.toISOString() ?? null },
        after: { milestone, corrected: at, reason },
      },
      ctx.requestId,
    );
    return { milestone, fromTimeline: incident[milestone]?.toISOString() ?? null, corrected: at };
  });
}
