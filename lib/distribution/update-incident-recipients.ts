import type { z } from "zod";
import { assertCan } from "@/lib/authz";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Ctx } from "@/lib/context";
import { incidentRecipientsSchema } from "@/lib/distribution/schemas";
import { AppError } from "@/lib/errors";
import { parseIncidentKey } from "@/lib/incidents/incident-key";

/** A commander adds addresses to this incident's emails, or leaves some out, beyond what the lists say. Audited with before and after. */
export async function updateIncidentRecipients(ctx: Ctx, input: z.input<typeof incidentRecipientsSchema>) {
  assertCan(ctx.actor, "incidents.send");
  const { key, extraRecipients, excludedRecipients } = incidentRecipientsSchema.parse(input);
  const number = parseIncidentKey(key);
  if (number === null) throw new AppError("NOT_FOUND", `No incident ${key}.`);
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { number }, select: { id: true, extraRecipients: true, excludedRecipients: true } });
    if (!before) throw new AppError("NOT_FOUND", `No incident ${key}.`);
    const saved = await tx.incident.update({ where: { id: before.id }, data: { extraRecipients, excludedRecipients }, select: { extraRecipients: true, excludedRecipients: true } });
    await recordAuditEvent(
      tx,
      ctx.actor,
      { action: "incident.recipients", targetType: "Incident", targetId: before.id, incidentId: before.id, before: { extraRecipients: before.extraRecipients, excludedRecipients: before.excludedRecipients }, after: saved },
      ctx.requestId,
    );
    return saved;
  });
}
