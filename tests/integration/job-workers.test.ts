import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES, eachJob, getBoss, stopBoss, workOptions, type RawEventJob } from "@/lib/jobs";
import { createMigratedDatabase } from "../helpers/migrated-database";

let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ url, drop } = await createMigratedDatabase());
});
afterAll(async () => {
  await stopBoss();
  await drop();
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe("job workers (workOptions, eachJob)", () => {
  // pg-boss 12 waits its 30 s NOTIFY backstop after every fetch that is not full; the test's 20 s
  // limit fails if a backlog drains one batch per wait, as it did with plain boss.work.
  it("drains a backlog queued before the workers start without waiting on the poll, and fails only the job that threw", { timeout: 20_000 }, async () => {
    const boss = await getBoss(url);
    const ids = Array.from({ length: 60 }, (_, i) => `raw-${i}`);
    for (const rawEventId of ids) await boss.send(QUEUES.processRawEvent, { rawEventId } satisfies RawEventJob, { retryLimit: 0 });
    const handled: string[] = [];
    await boss.work<RawEventJob>(
      QUEUES.processRawEvent,
      workOptions(2, 5),
      eachJob(async (job) => {
        if (job.data.rawEventId === "raw-7") throw new Error("a parser bug in one delivery");
        handled.push(job.data.rawEventId);
      }),
    );
    await waitFor(async () => handled.length === 59);
    expect(new Set(handled)).toEqual(new Set(ids.filter((id) => id !== "raw-7")));

    const states = async () => {
      const jobs = await boss.findJobs<RawEventJob>(QUEUES.processRawEvent);
      return Object.fromEntries(jobs.map((job) => [job.data.rawEventId, job.state]));
    };
    await waitFor(async () => Object.values(await states()).filter((state) => state === "completed").length === 59);
    expect((await states())["raw-7"]).toBe("failed");
  });
});
