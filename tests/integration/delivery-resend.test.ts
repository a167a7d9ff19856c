import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { deliverEmails } from "@/lib/deliveries/deliver-emails";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { createTransport } from "@/lib/email/create-transport";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { startResendRecorder } from "../helpers/resend-recorder";
import { approveDraftedIncident, createSendingLists } from "../helpers/approved-incident";

let db: Db;
let drop: () => Promise<void>;
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
const FROM = "Sitrep <incidents@status.example.com>";
const queued: string[] = [];
const sendOptions = { emailFrom: FROM, enqueue: async (ids: string[]) => void queued.push(...ids) };
const ORIGIN = "https://sitrep.example.com";

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  recorder = await startResendRecorder();
  await createSendingLists(db);
});
afterAll(async () => {
  await recorder.close();
  await drop();
});
beforeEach(() => {
  queued.length = 0;
  recorder.setScript(() => undefined);
});

const resend = (timeoutMs = 5000) => createTransport({ RESEND_API_KEY: "re_test_key_123456", RESEND_BASE_URL: recorder.url }, { timeoutMs });

const approvedIncident = (options: Parameters<typeof approveDraftedIncident>[1] = {}) => approveDraftedIncident(db, options);

describe("delivery through Resend", () => {
  it("sends each recipient one email through the SDK, with the idempotency key, thread headers and tags", async () => {
    const { revision, commander, incident, key } = await approvedIncident();
    await sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions);
    const before = recorder.requests.length;
    expect(await deliverEmails(db, resend(), [...queued], { from: FROM, isLastAttempt: false })).toMatchObject({ sent: 3, failed: 0, retry: 0 });
    const requests = recorder.requests.slice(before);
    expect(requests).toHaveLength(3);
    const rows = await db.delivery.findMany({ where: { revisionId: revision.id } });
    for (const request of requests) {
      const row = rows.find((r) => (request.body.to as string[])[0] === r.recipient)!;
      expect(request).toMatchObject({ method: "POST", path: "/emails", headers: { authorization: "Bearer re_test_key_123456", "idempotency-key": `sitrep-delivery-${row.id}` } });
      expect(request.body).toMatchObject({ from: FROM, to: [row.recipient], subject: `${key}: ${incident.title}`, headers: { "Message-ID": row.messageId, References: `<incident-${incident.id}@status.example.com>` } });
      expect(request.body.html).toContain(`IC-wording-${key}`);
      expect(request.body.text).toContain(`IC-wording-${key}`);
      expect(request.body.tags).toEqual(expect.arrayContaining([{ name: "category", value: "incident-report" }, { name: "severity", value: "SEV2" }, { name: "incident_category", value: "outage" }]));
    }
    expect(rows.every((r) => r.status === "sent" && r.providerMessageId && r.sentAt)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "delivery.sent", targetId: { in: rows.map((r) => r.id) } } })).toBe(3);
    // Running the job again (a retry after a crash) sends nothing more.
    expect(await deliverEmails(db, resend(), rows.map((r) => r.id), { from: FROM, isLastAttempt: false })).toMatchObject({ sent: 0, skipped: 3 });
    expect(recorder.requests.length).toBe(before + 3);
  });

  it("threads later messages as replies: In-Reply-To and References point at the first, the subject is the same", async () => {
    const { revision, commander, incident, key } = await approvedIncident();
    await sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions);
    const update = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "status_update" }, orderBy: { number: "desc" } });
    await approveRevision(commander, { revisionId: update.id, version: update.version });
    queued.length = 0;
    await sendRevision(commander, { revisionId: update.id, origin: ORIGIN }, sendOptions);
    await deliverEmails(db, resend(), [...queued], { from: FROM, isLastAttempt: false });
    const root = `<incident-${incident.id}@status.example.com>`;
    const replies = await db.delivery.findMany({ where: { revisionId: update.id } });
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply).toMatchObject({ template: "status_update", inReplyTo: root, subject: `Re: ${key}: ${incident.title}`, headers: { "In-Reply-To": root, References: root } });
      expect(reply.messageId).not.toBe(root);
    }
    const sent = recorder.requests.filter((r) => (r.body.headers as Record<string, string>)["In-Reply-To"] === root);
    expect(sent.length).toBe(replies.length);
  });

  it("retries 500s and 429s until the provider is back, and every recipient gets exactly one email", async () => {
    const { revision, commander } = await approvedIncident();
    await sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions);
    const ids = [...queued];
    let failures = 0;
    recorder.setScript(() => (failures++ < 3 ? (failures % 2 ? { status: 500, body: { name: "internal_server_error", message: "down", statusCode: 500 } } : { status: 429, body: { name: "rate_limit_exceeded", message: "slow down", statusCode: 429 } }) : undefined));
    const first = await deliverEmails(db, resend(), ids, { from: FROM, isLastAttempt: false });
    expect(first.retry).toBe(3);
    const queuedRows = await db.delivery.findMany({ where: { id: { in: ids } } });
    expect(queuedRows.every((r) => r.status === "queued" && /^(500|429) /.test(r.lastError ?? ""))).toBe(true);
    await deliverEmails(db, resend(), ids, { from: FROM, isLastAttempt: false });
    const rows = await db.delivery.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "sent" && r.lastError === null)).toBe(true);
    for (const row of rows) expect(recorder.delivered.has(`sitrep-delivery-${row.id}`)).toBe(true);
  });

  it("fails only the recipient the provider refuses (4xx, with its message); a timeout is retried with the same key", async () => {
    const { revision, commander } = await approvedIncident();
    await sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions);
    const ids = [...queued];
    recorder.setScript((request) => ((request.body.to as string[])[0] === "ceo@example.com" ? { status: 422, body: { name: "validation_error", message: "The `to` address is on the suppression list.", statusCode: 422 } } : (request.body.to as string[])[0] === "support@example.com" && !request.headers["x-seen"] ? "hang" : undefined));
    const result = await deliverEmails(db, resend(1500), ids, { from: FROM, isLastAttempt: false });
    expect(result).toMatchObject({ sent: 1, failed: 1, retry: 1 });
    const byRecipient = Object.fromEntries((await db.delivery.findMany({ where: { id: { in: ids } } })).map((d) => [d.recipient, d]));
    expect(byRecipient["ceo@example.com"]).toMatchObject({ status: "failed", lastError: expect.stringContaining("suppression list") });
    expect(byRecipient["cto@example.com"]).toMatchObject({ status: "sent" });
    expect(byRecipient["support@example.com"]).toMatchObject({ status: "queued", lastError: expect.stringContaining("network") });
    recorder.setScript(() => undefined);
    await deliverEmails(db, resend(), ids, { from: FROM, isLastAttempt: false });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: byRecipient["support@example.com"]!.id } })).toMatchObject({ status: "sent" });
    expect(await db.auditEvent.findFirst({ where: { action: "delivery.failed", targetId: byRecipient["ceo@example.com"]!.id } })).toMatchObject({ after: { error: expect.stringContaining("422") } });
  });

  it("gives up on the last try with the reason, visible per recipient", async () => {
    const { revision, commander } = await approvedIncident();
    await sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, sendOptions);
    recorder.setScript(() => ({ status: 503, body: { name: "service_unavailable", message: "maintenance", statusCode: 503 } }));
    await deliverEmails(db, resend(), [...queued], { from: FROM, isLastAttempt: true });
    const rows = await db.delivery.findMany({ where: { revisionId: revision.id } });
    expect(rows.every((r) => r.status === "failed" && /^gave up after 1 attempts: 503/.test(r.lastError ?? ""))).toBe(true);
  });
});
