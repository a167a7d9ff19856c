import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { deliverEmails } from "@/lib/deliveries/deliver-emails";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { createTransport } from "@/lib/email/create-transport";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { previewRevisionEmails } from "@/lib/reviews/preview-revision-emails";
import { ALL_PAYLOADS, HEADER_PAYLOADS, MARKDOWN_PAYLOADS, SCRIPT_PAYLOADS, TEMPLATE_PAYLOADS, UNICODE_PAYLOADS, hostileLine } from "../fixtures/injection/payloads";
import { createActorCtx } from "../helpers/actors";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { collapseWhitespace, inspectHtml } from "../helpers/inspect-html";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { startResendRecorder } from "../helpers/resend-recorder";

let db: Db;
let drop: () => Promise<void>;
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
const FROM = "Sitrep <incidents@status.example.com>";
const ORIGIN = "https://sitrep.example.com";

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  recorder = await startResendRecorder();
});
afterAll(async () => {
  await recorder.close();
  await drop();
});

/** The text a reader sees, compared as such: whitespace collapsed, statements trimmed as they are stored. */
const seen = (text: string) => collapseWhitespace(text).trim();

let reports = 0;

/** A report whose title, sections, evidence, list name and action-item owner are all hostile text, approved as written. */
async function approveHostileReport() {
  reports += 1;
  const title = `${hostileLine("INJ-MAIL")} ${HEADER_PAYLOADS[0]}`;
  const drafted = await createDraftedIncident(db, { title, tags: ["customer-facing"] });
  const listName = `Support ${reports} ${SCRIPT_PAYLOADS[1]} ${HEADER_PAYLOADS[1]}`;
  await db.distributionList.create({ data: { name: listName, recipients: ["support@example.com"], severities: [], categories: [], tags: ["customer-facing"] } });
  const commander = await createActorCtx(db, "COMMANDER");
  const owner = await db.user.create({ data: { email: `owner-inj-${reports}@example.com`, name: `Owner ${SCRIPT_PAYLOADS[0]} ${HEADER_PAYLOADS[1]}`, role: "RESPONDER" } });
  const noteText = `INJ-NOTE ${SCRIPT_PAYLOADS.join(" ")} ${MARKDOWN_PAYLOADS.join(" ")}`;
  await addEvidence(commander, { key: drafted.key, evidence: { format: "note", text: noteText, source: `kubectl ${SCRIPT_PAYLOADS[2]}` } });
  const note = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: drafted.incident.id, text: noteText } });

  let version = drafted.revision.version;
  const save = async (section: string, content: unknown) => {
    version = (await updateDraftSection(commander, { revisionId: drafted.revision.id, section, content, version })).version;
  };
  await save("summary", { statements: ALL_PAYLOADS.map((text) => ({ text, citations: [note.id] })) });
  await save("remediation", { statements: [...MARKDOWN_PAYLOADS, ...TEMPLATE_PAYLOADS].map((text) => ({ text, citations: [] })) });
  await save("actionItems", { items: [{ title: `Fix ${SCRIPT_PAYLOADS[3]} ${UNICODE_PAYLOADS[0]}`, owner: owner.name, ownerId: owner.id, dueSuggestion: null, dueAt: null, status: "open", citations: [note.id] }] });
  await approveRevision(commander, { revisionId: drafted.revision.id, version });
  return { ...drafted, commander, title, listName, owner, noteText };
}

describe("hostile text in emails", () => {
  it("renders every payload inert in the HTML and as plain text in the text part; the subject stays one header line", async () => {
    const report = await approveHostileReport();
    const queued: string[] = [];
    await sendRevision(report.commander, { revisionId: report.revision.id, origin: ORIGIN }, { emailFrom: FROM, enqueue: async (ids) => void queued.push(...ids) });
    const transport = createTransport({ RESEND_API_KEY: "re_test_key_123456", RESEND_BASE_URL: recorder.url }, { timeoutMs: 5000 });
    const result = await deliverEmails(db, transport, queued, { from: FROM, isLastAttempt: true });
    expect(result).toMatchObject({ failed: 0, retry: 0 });
    const sent = recorder.requests.map((r) => r.body as { subject: string; html: string; text: string; to: string[]; headers: Record<string, string> });
    expect(sent.map((m) => m.to[0]).sort()).toEqual([report.owner.email, "support@example.com"]);

    for (const email of sent) {
      // Header injection: the CR/LF of the title became a space; no Bcc (or any) header was added.
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.subject).toContain("Outage Bcc: attacker@evil.example");
      for (const value of Object.values(email.headers)) expect(value).not.toMatch(/[\r\n]/);
      expect(Object.keys(email.headers).sort()).toEqual(expect.arrayContaining(["Message-ID"]));
      expect(Object.keys(email.headers).map((k) => k.toLowerCase())).not.toContain("bcc");

      const { active, text } = inspectHtml(email.html);
      expect(active, email.to[0]).toEqual([]);
      expect(email.html).not.toMatch(/<script/i);
      expect(email.html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
      // The words are there, as text: escaped in the HTML, raw in the text part.
      const html = seen(text);
      const plain = seen(email.text);
      expect(html).toContain(seen(report.title));
      expect(plain.toLowerCase()).toContain(seen(report.title).toLowerCase());
      expect(plain).not.toContain("&lt;");
    }

    const toList = sent.find((m) => m.to[0] === "support@example.com")!;
    const listHtml = seen(inspectHtml(toList.html).text);
    const listText = seen(toList.text);
    for (const payload of ALL_PAYLOADS) {
      expect(listHtml, payload).toContain(seen(payload));
      expect(listText, payload).toContain(seen(payload));
    }
    expect(listHtml).toContain(seen(report.listName));
    expect(listText).toContain(seen(report.listName));
    // The template payloads were not evaluated by anything on the way.
    expect(listText).not.toMatch(/(^|\s)49(\s|$)/);

    const toOwner = sent.find((m) => m.to[0] === report.owner.email)!;
    expect(toOwner.subject).toMatch(/^\[ACTION REQUIRED\] INC-\d+: INJ-MAIL /);
    expect(seen(inspectHtml(toOwner.html).text)).toContain(seen(`Fix ${SCRIPT_PAYLOADS[3]} ${UNICODE_PAYLOADS[0]}`));
    expect(seen(toOwner.text)).toContain(seen(`Fix ${SCRIPT_PAYLOADS[3]} ${UNICODE_PAYLOADS[0]}`));

    // What was stored for the send (and shown in the outbox) is the same one-line subject.
    const rows = await db.delivery.findMany({ where: { revisionId: report.revision.id } });
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row.subject).not.toMatch(/[\r\n]/);
  });

  it("the review page's preview is the same inert rendering", async () => {
    const report = await approveHostileReport();
    const preview = await previewRevisionEmails(report.commander, { revisionId: report.revision.id, origin: ORIGIN });
    expect(preview.emails.length).toBeGreaterThan(0);
    for (const email of preview.emails) {
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(inspectHtml(email.html).active).toEqual([]);
      expect(seen(inspectHtml(email.html).text)).toContain(seen(report.title));
    }
  });
});
