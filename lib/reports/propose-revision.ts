import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { citationsIn, sectionSchemaFor } from "@/lib/drafting/section-schemas";
import { AppError } from "@/lib/errors";
import { findIncidentForUpdate } from "@/lib/incidents/find-incident-for-update";
import { hashSections, readMeta } from "@/lib/reports/revision-meta";

export const proposeRevisionSchema = z.object({
  key: z.string().min(1).max(40),
  kind: z.enum(["report", "status_update"]).default("report"),
  /** Section name → its full new content, in the shape the review page saves. */
  sections: z.record(z.string().max(40), z.unknown()).refine((s) => Object.keys(s).length > 0, "Propose at least one section."),
  /** Why: shown to the reviewer beside the proposal. */
  note: z.string().trim().max(2000).optional(),
});

/**
 * An agent's (or a script's) proposed text becomes a new draft revision on top of the newest one:
 * machine text, labelled as the agent's, which a person reviews and approves like any draft. It
 * never touches an approval: a revision approved and waiting to be sent is not superseded.
 */
export async function proposeRevision(ctx: Ctx, input: z.input<typeof proposeRevisionSchema>) {
  assertCan(ctx.actor, "drafts.propose");
  const { key, kind, sections, note } = proposeRevisionSchema.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const incident = await findIncidentForUpdate(tx, key);
    const latest = await tx.reportRevision.findFirst({ where: { incidentId: incident.id, kind }, orderBy: { number: "desc" } });
    if (!latest) throw new AppError("CONFLICT", `${key} has no ${kind.replace("_", " ")} draft yet to propose changes to; the drafter writes one within seconds of the first evidence.`);
    if (latest.state === "approved") throw new AppError("CONFLICT", `${kind === "report" ? "Report" : "Status update"} r${latest.number} is approved and waiting to be sent; propose changes after it goes out.`);
    const parsed: Record<string, unknown> = {};
    for (const [name, content] of Object.entries(sections)) {
      const schema = sectionSchemaFor(kind, name);
      if (!schema) throw new AppError("UNPROCESSABLE", `A ${kind.replace("_", " ")} has no section "${name}".`, { field: `sections.${name}` });
      const result = schema.safeParse(content);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new AppError("UNPROCESSABLE", `${name}: ${issue?.message ?? "not valid"}`, { field: ["sections", name, ...(issue?.path ?? [])].join("."), issues: result.error.issues.slice(0, 10) });
      }
      parsed[name] = result.data;
    }
    const previous = latest.sections as Record<string, unknown>;
    if ((parsed.rootCause as { status?: string } | undefined)?.status === "confirmed" && (previous.rootCause as { status?: string } | undefined)?.status !== "confirmed") {
      throw new AppError("FORBIDDEN", "Only a COMMANDER or ADMIN confirms a root cause; propose it as preliminary.", { field: "sections.rootCause.status" });
    }
    const cited = [...new Set(citationsIn(parsed))];
    const known = await tx.timelineEntry.findMany({ where: { incidentId: incident.id, id: { in: cited } }, select: { id: true } });
    const foreign = cited.filter((id) => !known.some((k) => k.id === id));
    if (foreign.length > 0) throw new AppError("UNPROCESSABLE", `Citations must be ${key}'s evidence; not found on it: ${foreign.slice(0, 10).join(", ")}.`, { field: "sections", citations: foreign.slice(0, 50) });
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
        meta: { ...meta, origins: { ...meta.origins, ...Object.fromEntries(Object.keys(parsed).map((n) => [n, "agent"])) }, suggestions: {}, agent } as Prisma.InputJsonObject,
        authorType: "machine",
        authorTokenId: ctx.actor.type === "token" ? ctx.actor.id : null,
        authorId: ctx.actor.type === "user" ? ctx.actor.id : null,
        basedOnId: latest.id,
        lastEditedById: latest.lastEditedById,
        lastEditedByTokenId: ctx.actor.type === "token" ? ctx.actor.id : latest.lastEditedByTokenId,
      },
      select: { id: true, number: true, kind: true, state: true, version: true, contentHash: true },
    });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "revision.propose", targetType: "ReportRevision", targetId: created.id, incidentId: incident.id, before: { number: latest.number, state: latest.state }, after: { kind, number: created.number, sections: Object.keys(parsed), contentHash, ...(note && { note }) } },
      ctx.requestId,
    );
    return { key, ...created, sections: Object.keys(parsed), basedOn: latest.number };
  });
}
