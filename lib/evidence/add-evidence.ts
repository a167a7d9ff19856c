import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseEvidence } from "@/lib/evidence/parse-evidence";
import { addEvidenceSchema, type AddEvidenceInput } from "@/lib/evidence/schemas";
import { findIncidentForUpdate } from "@/lib/incidents/find-incident-for-update";
import { findNulField } from "@/lib/ingest/find-unstorable-value";
import { recomputeIncidentState } from "@/lib/incidents/recompute-incident-state";

/**
 * Adds chat, metrics, change events or a note to an incident's evidence. Idempotent: uploading
 * the same export twice adds nothing the second time. One audit event records the upload.
 */
export async function addEvidence(ctx: Ctx, input: { key: string; evidence: AddEvidenceInput }) {
  assertCan(ctx.actor, "evidence.create");
  const evidence = addEvidenceSchema.parse(input.evidence);
  const nul = findNulField(evidence);
  if (nul) throw new AppError("UNPROCESSABLE", `${nul} contains a NUL character, which cannot be stored.`, { field: nul });
  const result = await ctx.db.$transaction(
    async (tx) => {
      const incident = await findIncidentForUpdate(tx, input.key);
      const items = parseEvidence(evidence, { referenceDate: incident.startedAt });
      if (!items.ok) throw new AppError("UNPROCESSABLE", items.message, { field: items.field, line: items.line });
      const isPerson = ctx.actor.type === "user";
      const isAgent = ctx.actor.role === "AGENT";
      const { count } = await tx.timelineEntry.createMany({
        data: items.items.map((item) => ({
          incidentId: incident.id,
          at: item.at,
          kind: item.kind,
          text: item.text,
          // An agent's evidence says so where every reader sees it, whatever source it names.
          source: isAgent ? `Agent ${ctx.actor.label.replace(/^token /, "").replace(/ \(.*$/, "")} · ${item.source}`.slice(0, 120) : item.source,
          data: (isAgent ? { ...item.data, agent: { tokenId: ctx.actor.id, label: ctx.actor.label } } : item.data) as Prisma.InputJsonObject,
          // Chat and notes are people's words; metrics, imported changes and an agent's findings are machine records.
          authorType: isAgent || item.kind === "metric_sample" || (item.kind === "change" && !isPerson) ? ("machine" as const) : ("human" as const),
          authorId: isPerson ? ctx.actor.id : null,
          dedupeKey: item.dedupeKey ?? `${evidence.format}:${createHash("sha256").update(`${item.at.toISOString()}|${item.text}`).digest("hex")}`,
        })),
        skipDuplicates: true,
      });
      const services = evidence.format === "change" && evidence.service ? [evidence.service] : [];
      const derived = count > 0 ? await recomputeIncidentState(tx, ctx.actor, incident.id, { addServices: services, audit: false }) : null;
      await recordAuditEvent(
        tx,
        ctx.actor,
        { action: "evidence.add", targetType: "Incident", targetId: incident.id, incidentId: incident.id, before: derived?.before ?? null, after: { format: evidence.format, received: items.items.length, added: count, ...(derived && { derived: derived.after }) } },
        ctx.requestId,
      );
      return { incidentId: incident.id, incident: input.key, received: items.items.length, added: count, duplicates: items.items.length - count };
    },
    { timeout: 30_000 },
  );
  if (result.added > 0) await ctx.enqueueRedraft?.(result.incidentId);
  return { incident: result.incident, received: result.received, added: result.added, duplicates: result.duplicates };
}
