import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import type { Transport } from "@/lib/email/create-transport";

const MAILER = { type: "system", id: null, label: "mailer" } as const;
/**
 * A claimed delivery untouched for this long belongs to a worker that died; another may take it.
 * A claim lives for one send (at most its 15 s timeout), and should a slow worker outlive it
 * anyway, both send under the same idempotency key: the provider delivers once.
 */
export const SENDING_LEASE_SECONDS = 30;

type Claimed = { id: string; revisionId: string; recipient: string; subject: string; html: string; text: string; headers: Record<string, string>; tags: { name: string; value: string }[]; attempts: number; incidentId: string };

/**
 * Hands queued deliveries to the transport, one recipient each, with the delivery's id as the
 * idempotency key (a retry after a timeout is never a second email). A provider 4xx fails that
 * recipient with the provider's words and the rest go on; a 429, 5xx or network error leaves it
 * queued for the job's next try, and on the last try it is failed with the reason. Every outcome
 * is recorded per recipient, with its audit row.
 */
export async function deliverEmails(db: Db, transport: Transport, ids: string[], options: { from: string; isLastAttempt: boolean }) {
  // held: skipped because another claim on it has not run out yet (a subset of skipped). Its job
  // tries again later rather than leaving the row to the sweep, in case that claim's worker died.
  const counts = { sent: 0, failed: 0, retry: 0, skipped: 0, held: 0 };
  for (const id of ids) {
    // Claim the row: queued ones, or "sending" ones whose worker died (its lease ran out). Exactly one job wins the claim.
    const [row] = await db.$queryRaw<Claimed[]>`
      UPDATE "Delivery" d SET "status" = 'sending', "attempts" = d."attempts" + 1, "updatedAt" = now()
      FROM "ReportRevision" r
      WHERE d."id" = ${id} AND r."id" = d."revisionId"
        AND (d."status" = 'queued' OR (d."status" = 'sending' AND d."updatedAt" < now() - make_interval(secs => ${SENDING_LEASE_SECONDS})))
      RETURNING d."id", d."revisionId", d."recipient", d."subject", d."html", d."text", d."headers", d."tags", d."attempts", r."incidentId"`;
    if (!row) {
      counts.skipped += 1;
      if ((await db.delivery.count({ where: { id, status: "sending" } })) > 0) counts.held += 1;
      continue;
    }
    const outcome = await transport.send({ from: options.from, to: row.recipient, subject: row.subject, html: row.html, text: row.text, headers: row.headers, tags: row.tags }, { idempotencyKey: `sitrep-delivery-${row.id}` });
    const final = outcome.ok ? "sent" : !outcome.retryable ? "failed" : options.isLastAttempt ? "failed" : "queued";
    const lastError = outcome.ok ? null : final === "failed" && outcome.retryable ? `gave up after ${row.attempts} attempts: ${outcome.error}` : outcome.error;
    const recorded = await db.$transaction(async (tx) => {
      // Only while this claim still holds: a worker that outlived its lease does not overwrite the one that took over.
      const { count } = await tx.delivery.updateMany({
        where: { id: row.id, status: "sending", attempts: row.attempts },
        data: { status: final, lastError, ...(outcome.ok && { providerMessageId: outcome.providerMessageId, sentAt: new Date() }) },
      });
      if (count === 0) return false;
      if (final !== "queued") {
        await recordAuditEvent(tx, MAILER, {
          action: final === "sent" ? "delivery.sent" : "delivery.failed",
          targetType: "Delivery",
          targetId: row.id,
          incidentId: row.incidentId,
          after: { recipient: row.recipient, status: final, attempts: row.attempts, transport: transport.name, ...(lastError && { error: lastError }), ...(outcome.ok && outcome.providerMessageId && { providerMessageId: outcome.providerMessageId }) },
        });
      }
      return true;
    });
    if (!recorded) {
      counts.skipped += 1;
      continue;
    }
    counts[final === "sent" ? "sent" : final === "failed" ? "failed" : "retry"] += 1;
  }
  return counts;
}
