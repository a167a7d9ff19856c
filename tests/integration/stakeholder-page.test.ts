import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/status/[token]/route";
import { createDb, type Db } from "@/lib/db";
import { createShareLink } from "@/lib/stakeholder/create-share-link";
import { checkShareLinkVersion } from "@/lib/stakeholder/open-share-link";
import { revokeShareLink } from "@/lib/stakeholder/revoke-share-link";
import { formatShareToken, newShareLinkId } from "@/lib/stakeholder/share-token";
import { HEADER_PAYLOADS, SCRIPT_PAYLOADS, hostileLine, visibleForm } from "../fixtures/injection/payloads";
import { approveDraftedIncident } from "../helpers/approved-incident";
import { inspectHtml } from "../helpers/inspect-html";
import { IN_PROCESS_AUTH_SECRET, setUpInProcessApp } from "../helpers/security/in-process-app";
import { createTestDatabase } from "../helpers/test-database";

// The share link's page, app/status/[token]/route.ts, called in-process as Next.js calls it, on a real database.
const app = setUpInProcessApp();
const NONCE = "c2hhcmUtcGFnZS1ub25jZS0x";
// A label is at most 80 characters: two short payloads.
const LABEL = `Execs ${SCRIPT_PAYLOADS[0]} ${SCRIPT_PAYLOADS[1]}`;
const holder = globalThis as unknown as { sitrepDb?: Db };

async function open(token: string, headers: Record<string, string> = { "x-nonce": NONCE }) {
  const response = await GET(new Request(`http://sitrep.test/status/${token}`, { headers }), { params: Promise.resolve({ token }) });
  return { response, html: await response.text() };
}

async function sharedIncident(title?: string) {
  const approved = await approveDraftedIncident(app.db(), { title });
  const link = await createShareLink(approved.commander, { key: approved.key, label: LABEL, expiresInHours: 24 });
  return { ...approved, link };
}

const scriptTags = (html: string) => [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);

describe("GET /status/<token>", () => {
  it("answers plain HTML: the approved words and hostile text as text, one inline script under the proxy's nonce, the headers a bearer URL needs", async () => {
    const title = `${hostileLine("INJ-STATUS")} ${HEADER_PAYLOADS[0]}`;
    const { key, link } = await sharedIncident(title);
    const { response, html } = await open(link.token, { "x-nonce": NONCE, "x-request-id": "caller-chosen-id" });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-robots-tag": "noindex, nofollow" });
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head>/);
    for (const tag of ["<title>Incident status</title>", '<meta name="robots" content="noindex, nofollow"/>', '<meta name="referrer" content="no-referrer"/>', `<style nonce="${NONCE}">`]) expect(html).toContain(tag);
    // React escaped every value: the only element that can run is the page's own script, and the payloads are there as text.
    const { active, text } = inspectHtml(html, { allowElements: ["script"] });
    expect(active).toEqual([]);
    expect(scriptTags(html)).toEqual([` nonce="${NONCE}"`]);
    expect(html).not.toContain("/_next/");
    for (const shown of [title, `IC-wording-${key}`, `Shared by the incident commander for ${LABEL}`]) expect(text.replace(/\s+/g, " ")).toContain(visibleForm(shown));
    // What the script polls, and the version it compares, reach it as attributes, not as script text.
    const { version } = await checkShareLinkVersion({ token: link.token });
    expect(html).toContain(`data-version-url="/api/status/${link.token}" data-version="${version}"`);
    // The view is audited under our own request id, never the one the caller sent.
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await app.db().auditEvent.findFirst({ where: { action: "share_link.view", targetId: link.id } })).toMatchObject({ requestId });
  });

  it("renders no script without the proxy's nonce, and none once the incident is resolved", async () => {
    const { incident, link } = await sharedIncident();
    const bare = await open(link.token, {});
    expect(bare.response.status).toBe(200);
    expect(scriptTags(bare.html)).toEqual([]);
    expect(bare.html).not.toContain("Updates itself");
    await app.db().incident.update({ where: { id: incident.id }, data: { status: "resolved", resolvedAt: new Date() } });
    const resolved = await open(link.token);
    expect(resolved.html).toContain("IC-wording-");
    expect(scriptTags(resolved.html)).toEqual([]);
  });

  it("gives forged, unknown, revoked and expired links the same 404 page", async () => {
    const { commander, link } = await sharedIncident();
    const expired = await sharedIncident();
    await app.db().shareLink.update({ where: { id: expired.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await revokeShareLink(commander, { id: link.id });
    const answers = await Promise.all(
      [link.token, expired.link.token, formatShareToken(IN_PROCESS_AUTH_SECRET, newShareLinkId()), formatShareToken("not-the-secret-not-the-secret-000000", link.id), "not-a-token"].map((t) => open(t)),
    );
    for (const { response, html } of answers) {
      expect(response.status).toBe(404);
      expect(Object.fromEntries(response.headers)).toMatchObject({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-robots-tag": "noindex, nofollow" });
      expect(html).toBe(answers[0]!.html);
    }
    expect(inspectHtml(answers[0]!.html).text).toContain("This link does not work");
    expect(scriptTags(answers[0]!.html)).toEqual([]);
  });
});

describe("GET /status/<token> when the database fails", () => {
  let saved: Db | undefined;
  const swapDb = (db: Db) => {
    saved ??= holder.sitrepDb;
    holder.sitrepDb = db;
  };
  afterEach(async () => {
    await holder.sitrepDb?.$disconnect();
    holder.sitrepDb = saved;
    saved = undefined;
    vi.restoreAllMocks();
  });
  const token = () => formatShareToken(IN_PROCESS_AUTH_SECRET, newShareLinkId());

  it("answers 503 with a retry hint, not a stack trace, while storage is unreachable", async () => {
    swapDb(createDb("postgresql://postgres@127.0.0.1:1/none"));
    const { response, html } = await open(token());
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(inspectHtml(html).text).toContain("Storage is unavailable; retry shortly.");
    expect(html).not.toMatch(/ECONNREFUSED|prisma|at .*\.js/i);
  });

  it("answers any other failure with the generic 500 page and logs it under the request id it shows", async () => {
    // A database without the schema: a real error that is neither "not found" nor "unavailable".
    const empty = await createTestDatabase();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      swapDb(createDb(empty.url));
      const { response, html } = await open(token());
      expect(response.status).toBe(500);
      const requestId = response.headers.get("x-request-id")!;
      expect(inspectHtml(html).text).toContain("Something went wrong on our side; it has been logged.");
      expect(inspectHtml(html).text).toContain(`Reference ${requestId}`);
      expect(html).not.toMatch(/ShareLink|does not exist|prisma/i);
      expect(logged).toHaveBeenCalledWith(`[status] request ${requestId} failed`, expect.anything());
    } finally {
      await holder.sitrepDb?.$disconnect();
      await empty.drop();
    }
  });
});
