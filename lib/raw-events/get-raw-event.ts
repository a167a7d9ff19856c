import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { formatIncidentKey } from "@/lib/incidents/incident-key";

/** A stored delivery exactly as it arrived (credentials were redacted before storage). */
export async function getRawEvent(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, "evidence.read");
  const raw = await ctx.db.rawEvent.findUnique({ where: { id: input.id }, include: { incident: { select: { number: true } } } });
  if (!raw) throw new AppError("NOT_FOUND", "No such raw event.");
  const { body, incident, ...rest } = raw;
  return { ...rest, incident: incident ? formatIncidentKey(incident.number) : null, body: Buffer.from(body).toString("utf8"), bodyBytes: body.byteLength };
}
