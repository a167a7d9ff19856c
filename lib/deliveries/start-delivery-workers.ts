import type { Db } from "@/lib/db";
import { deliverEmails } from "@/lib/deliveries/deliver-emails";
import { enqueueDeliveries } from "@/lib/deliveries/enqueue-deliveries";
import { sweepDeliveries } from "@/lib/deliveries/sweep-deliveries";
import { createTransport } from "@/lib/email/create-transport";
import { getEnv } from "@/lib/env";
import { DELIVERY_RETRY_LIMIT, QUEUES, eachJob, getBoss, workOptions, type DeliveryJob } from "@/lib/jobs";

/** Sends queued email in every app instance (pg-boss gives each job to one), and sweeps up deliveries no job carries. */
export async function startDeliveryWorkers(db: Db, connectionString: string): Promise<void> {
  const env = getEnv();
  const transport = createTransport(env);
  const boss = await getBoss(connectionString);
  // The first retry's delay (it doubles each try); jobs queued from now on take it.
  await boss.updateQueue(QUEUES.sendEmail, { retryDelay: env.EMAIL_RETRY_DELAY_SECONDS });
  await boss.work<DeliveryJob>(
    QUEUES.sendEmail,
    workOptions(2, 1),
    eachJob(async (job) => {
      const result = await deliverEmails(db, transport, job.data.deliveryIds, { from: env.EMAIL_FROM, isLastAttempt: job.retryCount >= DELIVERY_RETRY_LIMIT });
      // Throwing hands the job back to pg-boss, which tries again with backoff; sent recipients are skipped then.
      if (result.retry > 0 || result.held > 0) throw new Error(`${result.retry + result.held} of ${job.data.deliveryIds.length} deliveries will be retried`);
    }),
  );
  await boss.schedule(QUEUES.sweepDeliveries, "* * * * *");
  await boss.work(QUEUES.sweepDeliveries, async () => {
    await sweepDeliveries(db, enqueueDeliveries);
  });
  console.log(`[email] sending through ${transport.name}${transport.name === "resend" ? "" : " (see /outbox)"}`);
}
