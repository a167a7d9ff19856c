import { z } from "zod";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findIncidentForUpdate } from "@/lib/incidents/find-incident-for-update";
import { categorySchema, tagSchema as tag } from "@/lib/incidents/schemas";

export const classifyIncidentSchema = z.object({
  key: z.string().min(1),
  category: categorySchema,
  /** Comma- or space-separated, as typed; duplicates fold together. */
  tags: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v),
    z
      .array(tag)
      .transform((t) => [...new Set(t)].sort())
      .pipe(z.array(z.string()).max(30, "At most 30 tags.")),
  ),
});

/**
 * A person sets an incident's category and tags, which distribution rules, filters, insights and
 * exports read. Severity is not here: it follows the senders' alerts (their priority changes).
 */
export async function classifyIncident(ctx: Ctx, input: z.input<typeof classifyIncidentSchema>) {
  assertCan(ctx.actor, "incidents.update");
  const { key, category, tags } = classifyIncidentSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const incident = await findIncidentForUpdate(tx, key);
    const before = { category: incident.category, tags: [...incident.tags].sort() };
    if (before.category === category && before.tags.join(",") === tags.join(",")) return { key, changed: false };
    await tx.incident.update({ where: { id: incident.id }, data: { category, tags, version: { increment: 1 } } });
    await recordAuditEvent(tx, ctx.actor, { action: "incident.classify", targetType: "Incident", targetId: incident.id, incidentId: incident.id, before, after: { category, tags } }, ctx.requestId);
    return { key, changed: true };
  });
}
