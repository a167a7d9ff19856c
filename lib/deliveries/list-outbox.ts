import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";

/** Mail handed to the transport, newest first. */
export async function listOutbox(ctx: Ctx, input: { limit?: number } = {}) {
  assertCan(ctx.actor, "outbox.read");
  return ctx.db.delivery.findMany({
    orderBy: { createdAt: "desc" },
    take: Math.min(input.limit ?? 100, 500),
    select: {
      id: true,
      recipient: true,
      status: true,
      sentAt: true,
      createdAt: true,
      lastError: true,
      revision: { select: { kind: true, number: true, incident: { select: { number: true, title: true } } } },
    },
  });
}
