import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES, getBoss, stopBoss, type DraftJob } from "@/lib/jobs";
import { REDRAFT_COALESCE_SECONDS, enqueueRedraft, requestRedraft } from "@/lib/reports/enqueue-redraft";
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

describe("the drafting queue", () => {
  it("takes a re-draft for new evidence before the minute's status-update sweep, however many it queued first", async () => {
    for (let i = 0; i < 30; i += 1) await enqueueRedraft(`open-incident-${i}`, { statusUpdateOnly: true, connectionString: url });
    await enqueueRedraft("new-incident", { connectionString: url });
    const boss = await getBoss(url);
    const [first] = await boss.fetch<DraftJob>(QUEUES.draftIncident, { batchSize: 1 });
    expect(first?.data).toEqual({ incidentId: "new-incident" });
    const rest = await boss.fetch<DraftJob>(QUEUES.draftIncident, { batchSize: 50 });
    expect(rest).toHaveLength(30);
    expect(rest.every((job) => job.data.statusUpdateOnly === true)).toBe(true);
  });

  it("folds the re-drafts an alert storm asks for while one waits its few seconds into that one", async () => {
    for (let i = 0; i < 20; i += 1) await requestRedraft("storming-incident", { afterSeconds: REDRAFT_COALESCE_SECONDS, connectionString: url });
    const boss = await getBoss(url);
    const waiting = (await boss.findJobs<DraftJob>(QUEUES.draftIncident)).filter((job) => job.data.incidentId === "storming-incident");
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.startAfter.getTime()).toBeGreaterThan(Date.now());
  });
});
