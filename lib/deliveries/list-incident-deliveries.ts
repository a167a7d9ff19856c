import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";

/** Every email sent about an incident, per recipient, with its status (newest revision first). */
export async function listIncidentDeliveries(ctx: Ctx, input: { incidentId: string }) {
  assertCan(ctx.actor, "drafts.read");
  return ctx.db.delivery.findMany({
    where: { revision: { incidentId: input.incidentId } },
    orderBy: [{ createdAt: "desc" }, { recipient: "asc" }],
    take: 500,
    select: { id: true, recipient: true, reason: true, template: true, subject: true, status: true, lastError: true, sentAt: true, revision: { select: { kind: true, number: true } } },
  });
}
