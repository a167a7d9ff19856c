import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatIncidentKey, parseIncidentKey } from "@/lib/incidents/incident-key";
import { createShareLinkSchema, type CreateShareLinkInput } from "@/lib/stakeholder/schemas";
import { formatShareToken, newShareLinkId } from "@/lib/stakeholder/share-token";

const HOUR_MS = 3_600_000;

/** A commander shares an incident's approved content with people who have no account. */
export async function createShareLink(ctx: Ctx, input: CreateShareLinkInput) {
  assertCan(ctx.actor, "share_links.manage");
  const data = createShareLinkSchema.parse(input);
  const expiresAt = new Date(Date.now() + data.expiresInHours * HOUR_MS);
  const link = await ctx.db.$transaction(async (tx) => {
    const number = parseIncidentKey(data.key);
    const incident = number === null ? null : await tx.incident.findUnique({ where: { number }, select: { id: true, mergedInto: { select: { number: true } } } });
    if (!incident) throw new AppError("NOT_FOUND", `No incident ${data.key}.`);
    if (incident.mergedInto) throw new AppError("CONFLICT", `${data.key} was merged into ${formatIncidentKey(incident.mergedInto.number)}; share that one.`);
    const created = await tx.shareLink.create({
      data: { id: newShareLinkId(), incidentId: incident.id, label: data.label, expiresAt, createdById: ctx.actor.type === "user" ? ctx.actor.id : null },
      select: { id: true, label: true, expiresAt: true, createdAt: true, incidentId: true },
    });
    // The token itself never enters the audit log: the link's id names it, and the id alone opens nothing.
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "share_link.create", targetType: "ShareLink", targetId: created.id, incidentId: incident.id, after: { label: created.label, expiresAt: created.expiresAt } },
      ctx.requestId,
    );
    return created;
  });
  return { ...link, token: formatShareToken(getEnv().AUTH_SECRET, link.id) };
}
