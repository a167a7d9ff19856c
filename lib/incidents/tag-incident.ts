import { z } from "zod";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { findIncidentForUpdate } from "@/lib/incidents/find-incident-for-update";
import { tagSchema } from "@/lib/incidents/schemas";

export const tagIncidentSchema = z
  .object({
    key: z.string().min(1).max(40),
    add: z.array(tagSchema).max(30).default([]),
    remove: z.array(tagSchema).max(30).default([]),
  })
  .refine((v) => v.add.length + v.remove.length > 0, { message: "Name at least one tag to add or remove.", path: ["add"] });

/**
 * Adds and removes tags without touching the category: what an agent (or a script) may do to
 * help the distribution rules and filters, as opposed to a person's classification.
 */
export async function tagIncident(ctx: Ctx, input: z.input<typeof tagIncidentSchema>) {
  assertCan(ctx.actor, "incidents.tag");
  const { key, add, remove } = tagIncidentSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const incident = await findIncidentForUpdate(tx, key);
    // Tags choose distribution lists: an agent may not change the audience of a report that is approved and waiting to go out.
    if (ctx.actor.role === "AGENT" && (await tx.reportRevision.count({ where: { incidentId: incident.id, state: "approved" } })) > 0) {
      throw new AppError("CONFLICT", `${key} has a revision approved and waiting to be sent; its tags (which choose the recipients) stay as they are until it goes out.`);
    }
    const before = [...incident.tags].sort();
    const dropped = new Set(remove);
    const tags = [...new Set([...before.filter((t) => !dropped.has(t)), ...add.filter((t) => !dropped.has(t))])].sort();
    if (tags.length > 30) throw new AppError("UNPROCESSABLE", "An incident carries at most 30 tags.", { field: "add" });
    if (tags.join(",") === before.join(",")) return { key, tags, changed: false };
    await tx.incident.update({ where: { id: incident.id }, data: { tags, version: { increment: 1 } } });
    await recordAuditEvent(tx, ctx.actor, { action: "incident.tag", targetType: "Incident", targetId: incident.id, incidentId: incident.id, before: { tags: before }, after: { tags } }, ctx.requestId);
    return { key, tags, changed: true };
  });
}
