import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { deliverEmails } from "@/lib/deliveries/deliver-emails";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { sweepDeliveries } from "@/lib/deliveries/sweep-deliveries";
import { deleteDistributionList } from "@/lib/distribution/delete-distribution-list";
import { saveDistributionList } from "@/lib/distribution/save-distribution-list";
import { createTransport } from "@/lib/email/create-transport";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { createActorCtx } from "../helpers/actors";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { startResendRecorder } from "../helpers/resend-recorder";

let db: Db;
let drop: () => Promise<void>;
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
const FROM = "Sitrep <incidents@status.example.com>";

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  recorder = await startResendRecorder();
});
afterAll(async () => {
  await recorder.close();
  await drop();
});

async function sentIncident() {
  const drafted = await createDraftedIncident(db, { tags: ["customer-facing"] });
  const commander = await createActorCtx(db, "COMMANDER");
  await approveRevision(commander, { revisionId: drafted.revision.id, version: drafted.revision.version });
  const ids: string[] = [];
  await sendRevision(commander, { revisionId: drafted.revision.id, origin: "https://sitrep.example.com" }, { emailFrom: FROM, enqueue: async (queued) => void ids.push(...queued) });
  return { ...drafted, ids };
}

describe("distribution lists", () => {
  it("refuses an invalid address when the list is edited, audits changes, and needs an ADMIN", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    await expect(saveDistributionList(admin, { name: "Support", recipients: "support@example.com\nnot-an-address", severities: [], categories: [], tags: "" })).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ message: '"not-an-address" is not a valid e-mail address.' })],
    });
    await expect(saveDistributionList(await createActorCtx(db, "COMMANDER"), { name: "X", recipients: "x@example.com" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const list = await saveDistributionList(admin, { name: "Support", recipients: "support@example.com, Support@example.com; leads@example.com", severities: [], categories: [], tags: "customer-facing" });
    expect(list).toMatchObject({ recipients: ["support@example.com", "leads@example.com"], tags: ["customer-facing"] });
    await expect(saveDistributionList(admin, { name: "support", recipients: "a@example.com" })).rejects.toMatchObject({ code: "CONFLICT", details: { field: "name" } });
    const edited = await saveDistributionList(admin, { id: list.id, name: "Support", recipients: "support@example.com", severities: ["SEV1", "SEV2"], categories: [], tags: "customer-facing" });
    expect(await db.auditEvent.findFirst({ where: { action: "distribution_list.update", targetId: list.id } })).toMatchObject({ before: { recipients: ["support@example.com", "leads@example.com"] }, after: { recipients: ["support@example.com"], severities: ["SEV1", "SEV2"] } });
    const temporary = await saveDistributionList(admin, { name: "Temporary", recipients: "t@example.com" });
    await deleteDistributionList(admin, { id: temporary.id });
    expect(await db.auditEvent.count({ where: { action: "distribution_list.delete", targetId: temporary.id } })).toBe(1);
    expect(await db.distributionList.findUnique({ where: { id: temporary.id } })).toBeNull();
    expect(edited.severities).toEqual(["SEV1", "SEV2"]);
  });
});

describe("faults while sending", () => {
  it("survives a worker that died mid-send: the stuck rows are swept up, and the provider sees the same key, so nobody gets two", async () => {
    const { ids } = await sentIncident();
    const resend = createTransport({ RESEND_API_KEY: "re_test_key_123456", RESEND_BASE_URL: recorder.url });
    // The provider accepted the first email, then the worker was killed before it wrote "sent".
    const first = await db.delivery.findUniqueOrThrow({ where: { id: ids[0]! } });
    await resend.send({ from: FROM, to: first.recipient, subject: first.subject, html: first.html, text: first.text, headers: first.headers as Record<string, string>, tags: [] }, { idempotencyKey: `sitrep-delivery-${first.id}` });
    await db.$executeRaw`UPDATE "Delivery" SET "status" = 'sending', "attempts" = 1, "updatedAt" = now() - interval '10 minutes' WHERE "revisionId" = ${first.revisionId}`;
    const swept: string[] = [];
    expect(await sweepDeliveries(db, async (found) => void swept.push(...found))).toBeGreaterThanOrEqual(ids.length);
    expect(swept).toEqual(expect.arrayContaining(ids));
    await deliverEmails(db, resend, ids, { from: FROM, isLastAttempt: false });
    const rows = await db.delivery.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const keys = recorder.requests.filter((r) => ids.some((id) => r.headers["idempotency-key"] === `sitrep-delivery-${id}`)).map((r) => r.headers["idempotency-key"]);
    expect(keys.filter((k) => k === `sitrep-delivery-${first.id}`)).toHaveLength(2);
    expect([...recorder.delivered.keys()].filter((k) => ids.some((id) => k === `sitrep-delivery-${id}`))).toHaveLength(ids.length);
  });

  it("lets only one worker claim a delivery: two jobs on the same rows at once still send each email once", async () => {
    const { ids } = await sentIncident();
    const resend = createTransport({ RESEND_API_KEY: "re_test_key_123456", RESEND_BASE_URL: recorder.url });
    const before = recorder.requests.length;
    const [a, b] = await Promise.all([deliverEmails(db, resend, ids, { from: FROM, isLastAttempt: false }), deliverEmails(db, resend, ids, { from: FROM, isLastAttempt: false })]);
    expect(a.sent + b.sent).toBe(ids.length);
    expect(a.skipped + b.skipped).toBe(ids.length);
    expect(recorder.requests.length - before).toBe(ids.length);
    expect(await db.auditEvent.count({ where: { action: "delivery.sent", targetId: { in: ids } } })).toBe(ids.length);
  });

  it("relays the outbox over SMTP when SMTP_URL is set, with the thread headers", async () => {
    const received: { to: string[]; raw: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    try {
      const { ids, incident } = await sentIncident();
      const port = (smtp.server.address() as AddressInfo).port;
      const transport = createTransport({ SMTP_URL: `smtp://127.0.0.1:${port}` });
      expect(transport.name).toBe("outbox+smtp");
      expect(await deliverEmails(db, transport, ids, { from: FROM, isLastAttempt: false })).toMatchObject({ sent: ids.length });
      expect(received.map((r) => r.to[0]).sort()).toEqual((await db.delivery.findMany({ where: { id: { in: ids } } })).map((d) => d.recipient).sort());
      expect(received[0]!.raw).toContain(`References: <incident-${incident.id}@status.example.com>`);
      expect(received[0]!.raw).toMatch(/Message-ID: <[0-9a-f-]{36}@status\.example\.com>/);
      expect(received[0]!.raw).toMatch(/Subject: INC-\d+:/);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it("sends nothing through the plain outbox but records it as sent, exactly as stored", async () => {
    const { ids } = await sentIncident();
    const outbox = createTransport({});
    expect(outbox.name).toBe("outbox");
    expect(await deliverEmails(db, outbox, ids, { from: FROM, isLastAttempt: false })).toMatchObject({ sent: ids.length, failed: 0 });
  });
});
