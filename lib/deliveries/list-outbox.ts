import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { formatIncidentKey } from "@/lib/incidents/incident-key";

/** Mail handed to the transport, newest first, with each recipient's status. */
export async function listOutbox(ctx: Ctx, input: { limit?: number } = {}) {
  assertCan(ctx.actor, "outbox.read");
  const rows = await ctx.db.delivery.findMany({
    orderBy: [{ createdAt: "desc" }, { recipient: "asc" }],
    take: Math.min(input.limit ?? 200, 500),
    select: {
      id: true,
      recipient: true,
      reason: true,
      template: true,
      subject: true,
      status: true,
      attempts: true,
      sentAt: true,
      createdAt: true,
      lastError: true,
      revision: { select: { kind: true, number: true, incident: { select: { number: true } } } },
    },
  });
  return rows.map(({ revision, ...row }) => ({ ...row, incidentKey: formatIncidentKey(revision.incident.number), revision: { kind: revision.kind, number: revision.number } }));
}
