import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { findIncidentForUpdate } from "@/lib/incidents/find-incident-for-update";
import { checkSectionContent } from "@/lib/reports/check-section-content";
import { hashSections, readMeta } from "@/lib/reports/revision-meta";
import { lockRevision } from "@/lib/reviews/lock-revision";

export const proposeRevisionSchema = z.object({
  key: z.string().min(1).max(40),
  kind: z.enum(["report", "status_update"]).default("report"),
  /** Section name → its full new content, in the shape the review page saves. */
  sections: z.record(z.string().max(40), z.unknown()).refine((s) => Object.keys(s).length > 0, "Propose at least one section."),
  /** Why: shown to the reviewer beside the proposal. */
  note: z.string().trim().max(2000).optional(),
  /** The revision the proposal was written against (get_incident's number and version): a newer one is a conflict, not overwritten. */
  basedOn: z.object({ number: z.number().int().min(1), version: z.number().int().min(1) }).optional(),
});

/**
 * An agent's (or a script's) proposed text becomes a new draft revision on top of the newest one:
 * machine text, labelled as the agent's, which a person reviews and approves like any draft. It
 * never touches an approval: a revision approved and waiting to be sent is not superseded.
 */
export async function proposeRevision(ctx: Ctx, input: z.input<typeof proposeRevisionSchema>) {
  assertCan(ctx.actor, "drafts.propose");
  const { key, kind, sections, note, basedOn } = proposeRevisionSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const incident = await findIncidentForUpdate(tx, key);
    const newest = await tx.reportRevision.findFirst({ where: { incidentId: incident.id, kind }, orderBy: { number: "desc" }, select: { id: true } });
    // Locked, then read: a person's save or an approval that commits meanwhile is seen, not overtaken.
    const latest = newest ? await lockRevision(tx, newest.id) : null;
    if (!latest) throw new AppError("CONFLICT", `${key} has no ${kind.replace("_", " ")} draft yet to propose changes to; the drafter writes one within seconds of the first evidence.`);
    if (latest.state === "approved") throw new AppError("CONFLICT", `${kind === "report" ? "Report" : "Status update"} r${latest.number} is approved and waiting to be sent; propose changes after it goes out.`);
    if (basedOn && (basedOn.number !== latest.number || basedOn.version !== latest.version)) {
      throw new AppError("CONFLICT", `The draft moved on since you read it (now r${latest.number} version ${latest.version}); call get_incident and propose against the current text.`, { number: latest.number, version: latest.version });
    }
    const parsed: Record<string, unknown> = {};
    for (const [name, content] of Object.entries(sections)) parsed[name] = await checkSectionContent(tx, { kind, incidentId: incident.id, incidentKey: key, name, content, field: "sections" });
    const previous = latest.sections as Record<string, unknown>;
    // Confirming a root cause is a commander's call, and so is changing a confirmed one.
    if (parsed.rootCause && (parsed.rootCause as { status?: string }).status === "confirmed") throw new AppError("FORBIDDEN", "Only a COMMANDER or ADMIN confirms a root cause; propose it as preliminary.", { field: "sections.rootCause.status" });
    if (parsed.rootCause && (previous.rootCause as { status?: string } | undefined)?.status === "confirmed") throw new AppError("FORBIDDEN", "The root cause was confirmed by a commander; an agent does not change it.", { field: "sections.rootCause" });
    const merged = { ...previous, ...parsed };
    const contentHash = hashSections(merged);
    if (contentHash === latest.contentHash) throw new AppError("UNPROCESSABLE", "The proposal is the same as the current draft.", { field: "sections" });
    const meta = readMeta(latest.meta);
    const agent = { tokenId: ctx.actor.type === "token" ? ctx.actor.id : null, label: ctx.actor.label, note: note ?? null, sections: Object.keys(parsed) };
    const created = await tx.reportRevision.create({
      data: {
        incidentId: incident.id,
        kind,
        number: latest.number + 1,
        state: "draft",
        sections: merged as Prisma.InputJsonObject,
        contentHash,
        // The agent's sections are kept through re-drafts (like a person's) but read as machine text.
        meta: {
          ...meta,
          origins: { ...meta.origins, ...Object.fromEntries(Object.keys(parsed).map((n) => [n, "agent"])) },
          suggestions: {},
          // The proposed sections' citations were just checked against this incident.
          foreignCitations: Object.fromEntries(Object.entries(meta.foreignCitations ?? {}).filter(([name]) => !(name in parsed))),
          agent,
        } as Prisma.InputJsonObject,
        authorType: "machine",
        authorTokenId: ctx.actor.type === "token" ? ctx.actor.id : null,
        authorId: ctx.actor.type === "user" ? ctx.actor.id : null,
        basedOnId: latest.id,
        // For the two-person rule an agent's words count as its token's creator's (who may not approve
        // them alone); an agent nobody owns is no person, so any commander may. The token is the author.
        lastEditedById: ctx.actor.type === "token" ? ((await tx.apiToken.findUnique({ where: { id: ctx.actor.id }, select: { createdById: true } }))?.createdById ?? null) : ctx.actor.type === "user" ? ctx.actor.id : null,
        lastEditedByTokenId: null,
      },
      select: { id: true, number: true, kind: true, state: true, version: true, contentHash: true },
    });
    // The base stops being a draft anyone edits or approves: the proposal is the one to review.
    if (latest.state === "draft" || latest.state === "in_review") await tx.reportRevision.update({ where: { id: latest.id }, data: { state: "superseded" } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "revision.propose", targetType: "ReportRevision", targetId: created.id, incidentId: incident.id, before: { number: latest.number, state: latest.state, version: latest.version }, after: { kind, number: created.number, sections: Object.keys(parsed), contentHash, ...(note && { note }) } },
      ctx.requestId,
    );
    return { key, ...created, sections: Object.keys(parsed), basedOn: latest.number };
  });
}
