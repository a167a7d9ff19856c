import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { formatIncidentKey } from "@/lib/incidents/incident-key";

/** One delivery exactly as handed to the transport: headers, recipients, HTML and text parts. */
export async function getOutboxMessage(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, "outbox.read");
  const row = await ctx.db.delivery.findUnique({ where: { id: input.id }, include: { revision: { select: { kind: true, number: true, incident: { select: { number: true } } } } } });
  if (!row) throw new AppError("NOT_FOUND", "No such message.");
  const { revision, ...message } = row;
  return { ...message, headers: message.headers as Record<string, string>, tags: message.tags as { name: string; value: string }[], incidentKey: formatIncidentKey(revision.incident.number), revision: { kind: revision.kind, number: revision.number } };
}
