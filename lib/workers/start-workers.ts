import type { Db } from "@/lib/db";
import { startDeliveryWorkers } from "@/lib/deliveries/start-delivery-workers";
import { startIngestWorkers } from "@/lib/ingest/start-ingest-workers";
import { startDraftingWorkers } from "@/lib/reports/start-drafting-workers";

const WORKERS = [
  ["ingest", startIngestWorkers],
  ["drafting", startDraftingWorkers],
  ["email", startDeliveryWorkers],
] as const;

/**
 * Every background worker: ingest, drafting and email. An app instance runs them beside its web
 * requests unless SITREP_WORKERS=off; `npm run sitrep -- workers` runs them in a process of their
 * own. Each starts on its own, so one that fails to start does not stop the others.
 */
export async function startWorkers(db: Db, connectionString: string): Promise<void> {
  const results = await Promise.allSettled(WORKERS.map(([, start]) => start(db, connectionString)));
  const failed = WORKERS.filter((_, i) => results[i]!.status === "rejected").map(([name]) => name);
  if (failed.length > 0) {
    throw new AggregateError(results.flatMap((r) => (r.status === "rejected" ? [r.reason] : [])), `The ${failed.join(", ")} workers failed to start`);
  }
}
