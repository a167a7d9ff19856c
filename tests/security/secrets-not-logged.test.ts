import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/authz";
import { deliverEmails } from "@/lib/deliveries/deliver-emails";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { createTransport } from "@/lib/email/create-transport";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { handleWebhookRequest } from "@/lib/ingest/handle-webhook-request";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { hashPassword } from "@/lib/users/password";
import { approveDraftedIncident, createSendingLists } from "../helpers/approved-incident";
import { startResendRecorder } from "../helpers/resend-recorder";
import { IN_PROCESS_AUTH_SECRET, setUpInProcessApp } from "../helpers/security/in-process-app";
import { SESSION_COOKIE, createSessionCookie, enterRequest } from "../helpers/security/request-scope";
import { readFixture, signPagerDuty } from "../helpers/webhooks";

vi.mock("next/headers", async () => (await import("../helpers/security/request-scope")).fakeNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/**
 * The error paths that handle secrets — refused webhook signatures and tokens, bad API tokens and
 * session cookies, failed and throttled sign-ins, a mail provider refusing its key — run with
 * the console captured; none of the secrets may appear in what they print, nor in the audit log
 * or on the deliveries. Each path must print something, or the check would prove nothing.
 */
const app = setUpInProcessApp();
const PD_SECRET = "pd-signing-secret-that-must-not-leak";
const OPSGENIE_TOKEN = "opsgenie-token-that-must-not-leak-0001";
const PASSWORD = "sign-in password that must not leak";
const RESEND_KEY = "re_resend_api_key_that_must_not_leak";
const secrets: string[] = [IN_PROCESS_AUTH_SECRET, PD_SECRET, OPSGENIE_TOKEN, PASSWORD, RESEND_KEY];
const output: string[] = [];
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void output.push(format(...args)));
  recorder = await startResendRecorder();
  await app.db().integration.createMany({ data: [{ sender: "pagerduty", name: "PagerDuty", secrets: [PD_SECRET] }, { sender: "opsgenie", name: "Opsgenie", tokens: [OPSGENIE_TOKEN] }] });
  await app.db().user.create({ data: { email: "leaky@sitrep.test", name: "Leaky", role: "COMMANDER", passwordHash: await hashPassword(PASSWORD) } });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await recorder.close();
});

/** What the console printed while `body` ran. */
async function captured(body: () => Promise<unknown>): Promise<string> {
  const from = output.length;
  await body();
  return output.slice(from).join("\n");
}

function expectNoSecret(text: string) {
  for (const secret of secrets) expect(text, "a secret reached the log").not.toContain(secret);
}

const webhook = (sender: string, body: Buffer, headers: Record<string, string>, enqueue = async () => {}) =>
  handleWebhookRequest(new Request(`http://sitrep.test/api/webhooks/${sender}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: new Uint8Array(body) }), sender, { db: app.db(), enqueue });

describe("secrets stay out of the logs", () => {
  it("on refused webhook signatures and tokens, and a delivery whose queueing fails", async () => {
    const pd = readFixture("pagerduty", "01-triggered.json");
    const og = readFixture("opsgenie", "01-create.json");
    const text = await captured(async () => {
      expect((await webhook("pagerduty", pd, { "x-pagerduty-signature": signPagerDuty(pd, `${PD_SECRET}-almost`) })).status).toBe(401);
      expect((await webhook("opsgenie", og, { authorization: `Bearer ${OPSGENIE_TOKEN}-almost` })).status).toBe(401);
      expect((await webhook("opsgenie", og, { authorization: `Basic ${Buffer.from(`user:${OPSGENIE_TOKEN.slice(0, -1)}`).toString("base64")}` })).status).toBe(401);
      const failingQueue = async () => {
        throw new Error("the job queue is down");
      };
      expect((await webhook("opsgenie", og, { authorization: `Bearer ${OPSGENIE_TOKEN}` }, failingQueue)).status).toBe(202);
    });
    expect(text).toContain("pagerduty delivery refused: no v1 signature matches a configured secret");
    expect(text).toContain("opsgenie delivery refused: The token does not match.");
    expect(text).toContain("the sweeper will retry");
    expectNoSecret(text);
  });

  it("on unknown, revoked and malformed API tokens and on forged or expired session cookies", async () => {
    const { token, id } = await createApiToken({ db: app.db(), actor: SYSTEM_ACTOR }, { name: "soon revoked", role: "RESPONDER" });
    await revokeApiToken({ db: app.db(), actor: SYSTEM_ACTOR }, { tokenId: id });
    const user = await app.db().user.findUniqueOrThrow({ where: { email: "leaky@sitrep.test" } });
    const expired = await createSessionCookie(user, "no-such-session", -60);
    const forged = `${SESSION_COOKIE}=${"x".repeat(40)}.${"y".repeat(40)}`;
    secrets.push(token, expired.slice(SESSION_COOKIE.length + 1), forged.slice(SESSION_COOKIE.length + 1));
    const { GET } = await import("@/app/api/incidents/route");
    const text = await captured(async () => {
      const attempts: Record<string, string>[] = [{ authorization: `Bearer ${token}` }, { authorization: `Bearer ${token}x` }, { authorization: "Bearer not-a-sitrep-token" }, { cookie: expired }, { cookie: forged }];
      for (const headers of attempts) {
        enterRequest(headers);
        expect((await GET(new Request("http://sitrep.test/api/incidents", { headers }), { params: Promise.resolve({}) })).status).toBe(401);
      }
    });
    expect(text).toContain("[auth] JWTSessionError");
    expectNoSecret(text);
  });

  it("on failed and throttled sign-ins", async () => {
    const { signInWithPassword } = await import("@/app/login/actions");
    const text = await captured(async () => {
      for (const password of ["wrong-1", "wrong-2", "wrong-3", "wrong-4", "wrong-5", PASSWORD, `${PASSWORD}!`]) {
        enterRequest({ [PEER_ADDRESS_HEADER]: "192.0.2.10" });
        const form = new FormData();
        form.set("email", "leaky@sitrep.test");
        form.set("password", password);
        expect(await signInWithPassword({}, form)).toMatchObject({ error: expect.any(String) });
      }
    });
    expect(text).toContain("[auth] sign-in refused: too many attempts (account)");
    expectNoSecret(text);
  });

  it("on a mail provider refusing its key (even quoting it back) or failing", async () => {
    await createSendingLists(app.db());
    const { revision, commander } = await approveDraftedIncident(app.db());
    const ids: string[] = [];
    await sendRevision(commander, { revisionId: revision.id, origin: "https://sitrep.test" }, { emailFrom: "Sitrep <incidents@sitrep.test>", enqueue: async (queued) => void ids.push(...queued) });
    recorder.setScript((_request, index) => (index === 0 ? { status: 401, body: { name: "validation_error", message: `API key ${RESEND_KEY} is invalid` } } : { status: 500, body: { name: "internal_server_error", message: "try later" } }));
    const transport = createTransport({ RESEND_API_KEY: RESEND_KEY, RESEND_BASE_URL: recorder.url });
    const text = await captured(() => deliverEmails(app.db(), transport, ids, { from: "Sitrep <incidents@sitrep.test>", isLastAttempt: true }));
    expectNoSecret(text);
    const failed = await app.db().delivery.findMany({ where: { id: { in: ids } }, select: { status: true, lastError: true } });
    expect(failed.map((d) => d.status)).toEqual(failed.map(() => "failed"));
    expect(failed.map((d) => d.lastError).join("\n")).toContain("[redacted API key] is invalid");
    expectNoSecret(failed.map((d) => d.lastError).join("\n"));
  });

  it("in the audit log, which records every one of those events", async () => {
    const events = await app.db().auditEvent.findMany();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["auth.sign_in_failed", "auth.sign_in_throttled", "delivery.failed", "token.revoke"]));
    expectNoSecret(JSON.stringify(events, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)));
    const stored = await app.db().rawEvent.findMany({ select: { headers: true } });
    expect(stored.length).toBeGreaterThan(0);
    expectNoSecret(JSON.stringify(stored));
  });
});
