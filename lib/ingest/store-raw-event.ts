import { randomUUID } from "node:crypto";
import type { RawEventState, Sender } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db";

export type RawEventInput = {
  sender: Sender;
  deliveryId: string;
  headers: Record<string, string>;
  body: Buffer;
  integrationId: string | null;
  state: RawEventState;
  ignoredReason: string | null;
  error: string | null;
};

/**
 * Stores a delivery's exact bytes, once: a re-delivery of the same (sender, deliveryId) inserts
 * nothing and returns null. One round trip, because this sits on every webhook's hot path.
 */
export async function storeRawEvent(db: DbTx, input: RawEventInput): Promise<{ id: string } | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "RawEvent" ("id", "sender", "deliveryId", "headers", "body", "integrationId", "state", "ignoredReason", "error")
    VALUES (${randomUUID()}, ${input.sender}::"Sender", ${input.deliveryId}, ${JSON.stringify(input.headers)}::jsonb, ${input.body},
            ${input.integrationId}, ${input.state}::"RawEventState", ${input.ignoredReason}, ${input.error})
    ON CONFLICT ("sender", "deliveryId") DO NOTHING
    RETURNING "id"`;
  return rows[0] ?? null;
}
