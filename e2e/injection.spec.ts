import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { buildHostileDeliveries, HOSTILE_SERVICE } from "../tests/fixtures/injection/hostile-deliveries";
import { FORMULA_PAYLOADS, HEADER_PAYLOADS, LONG_PAYLOAD, MARKDOWN_PAYLOADS, SCRIPT_PAYLOADS, UNICODE_PAYLOADS, hostileLine, visibleForm } from "../tests/fixtures/injection/payloads";
import { inspectHtml } from "../tests/helpers/inspect-html";
import { E2E_ADMIN, E2E_COMMANDER, E2E_VIEWER } from "./fixtures/accounts";
import { readE2eTokens } from "./fixtures/api-tokens";
import { deliverHostile, expectShownInert, waitForHostileIncident } from "./fixtures/injection";
import { guardPage } from "./fixtures/page-guard";
import { signIn } from "./fixtures/sign-in";

// One hostile incident, built through every way text gets in, then read on every page that shows it.
test.describe.configure({ mode: "serial" });

const stamp = String(Date.now());
const service = `inj-${stamp}`;
const tag = `inj-e2e-${stamp}`;
const deliveries = buildHostileDeliveries({ stamp, service, at: new Date() });
const TITLE = `${hostileLine(`INJ-PD-${stamp}`)} ${HEADER_PAYLOADS[0]}`;
const TEMPLATE_LIKE = "{{7*7}} ${7*7}";
const SUMMARY = `INJ-IC-${stamp} ${SCRIPT_PAYLOADS.join(" ")} ${UNICODE_PAYLOADS[0]}`;
const REMEDIATION = `INJ-AGENT-${stamp} ${MARKDOWN_PAYLOADS.join(" ")}`;
const NOTE = `INJ-API-${stamp} ${[...SCRIPT_PAYLOADS, ...UNICODE_PAYLOADS].join(" ")}`;
const FINDING = `INJ-MCP-${stamp} ${SCRIPT_PAYLOADS.slice(0, 4).join(" ")}`;
const LABEL = `L${stamp.slice(-4)} <script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>`;
// Typed into single-line inputs, which drop line breaks: the header payloads reach names through the database in tests/integration/injection-email.test.ts.
const LIST = `INJ-LIST ${SCRIPT_PAYLOADS[1]} ${UNICODE_PAYLOADS[0]}`;
const PERSON = `INJ-USER ${SCRIPT_PAYLOADS[0]} ${UNICODE_PAYLOADS[3]}`;
const state: { key: string; shareUrl: string } = { key: "", shareUrl: "" };

async function mcp(baseURL: string, token: string): Promise<Client> {
  const client = new Client({ name: "e2e-hostile-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/api/mcp", baseURL), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}
const toolJson = async <T>(client: Client, name: string, args: Record<string, unknown>) => {
  const answer = (await client.callTool({ name, arguments: args })) as { isError?: boolean; content: { text: string }[] };
  expect(answer.isError, `${name}: ${answer.content[0]?.text}`).toBeFalsy();
  return JSON.parse(answer.content[0]!.text) as T;
};

test("hostile text goes in through all five senders, the evidence API and MCP", async ({ request, playwright, baseURL }) => {
  const tokens = readE2eTokens();
  // The trigger first: it opens the incident the others join by service.
  expect(await deliverHostile(request, deliveries[0]!)).toBe(202);
  const bot = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${tokens.responder}` } });
  await waitForHostileIncident(bot, service, [deliveries[0]!.marker]);
  for (const delivery of deliveries.slice(1)) expect(await deliverHostile(request, delivery), delivery.marker).toBe(202);
  const incident = await waitForHostileIncident(bot, service, deliveries.map((d) => d.marker));
  state.key = incident.key;

  const evidence = (data: unknown) => bot.post(`/api/incidents/${state.key}/evidence`, { data });
  expect((await evidence({ format: "note", text: `${NOTE}\n${LONG_PAYLOAD}`, source: `src ${SCRIPT_PAYLOADS[2]}` })).status()).toBe(200);
  expect((await evidence({ format: "chat_lines", text: SCRIPT_PAYLOADS.map((p, i) => `[10:${10 + i}] mallory: INJ-CHAT ${p}`).join("\n") })).status()).toBe(200);
  expect((await evidence({ format: "metrics_csv", text: `timestamp,series,value\n${new Date().toISOString()},"${FORMULA_PAYLOADS[0].replaceAll('"', '""')}",1` })).status()).toBe(200);
  // A link is kept only when it is a web link; a javascript: one is refused with the reason.
  const badLink = await evidence({ format: "change", at: new Date().toISOString(), text: "deploy", url: "javascript:window.__pwned=1" });
  expect(badLink.status()).toBe(422);
  expect((await badLink.json()).error.message).toContain("http(s)");

  const agent = await mcp(baseURL!, tokens.agentPropose);
  await toolJson(agent, "add_evidence", { key: state.key, kind: "finding", text: FINDING, source: `grep ${SCRIPT_PAYLOADS[1]}`, url: "https://example.com/logs" });
  await toolJson(agent, "add_timeline_entry", { key: state.key, at: new Date().toISOString(), text: `INJ-MCP-TL-${stamp} ${MARKDOWN_PAYLOADS[0]} ${TEMPLATE_LIKE}` });
  const refused = await agent.callTool({ name: "add_evidence", arguments: { key: state.key, kind: "finding", text: "x", source: "y", url: "javascript:window.__pwned=1" } }).then(
    (answer) => (answer as { isError?: boolean }).isError === true,
    () => true,
  );
  expect(refused).toBe(true);
  // The drafter has written the report by now or soon; the agent proposes a remediation on it.
  await expect(async () => expect((await (await bot.get(`/api/incidents/${state.key}/review`)).json()).data.revision).toBeTruthy()).toPass({ timeout: 20_000 });
  const { evidence: cited } = await toolJson<{ evidence: { id: string; kind: string }[] }>(agent, "get_incident", { key: state.key });
  await toolJson(agent, "propose_revision", { key: state.key, sections: { remediation: { statements: [{ text: REMEDIATION, citations: [cited[0]!.id] }] } }, note: `Why: ${SCRIPT_PAYLOADS[0]}` });
  await agent.close();
  await bot.dispose();
});

test("an admin names a list and a user with it; a commander tags, shares, edits the report and sends it", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email);
  await page.goto("/settings/lists");
  const form = page.getByTestId("list-new");
  await form.getByLabel("Name").fill(LIST);
  await form.getByLabel("Tags (comma-separated; any one matches)").fill(tag);
  const badAddress = `"><img src=x onerror=window.__pwned=14>@evil.example`;
  await form.getByLabel(/^Recipients/).fill(`inj-${stamp}@example.com\n${badAddress}`);
  await form.getByRole("button", { name: "Create list" }).click();
  // The refusal quotes the address back, as text.
  await expect(form.getByText(`"${badAddress}" is not a valid e-mail address.`)).toBeVisible();
  await form.getByLabel(/^Recipients/).fill(`inj-${stamp}@example.com`);
  await form.getByRole("button", { name: "Create list" }).click();
  // Saved, it is a list of its own, headed by its name as text.
  await expect(page.getByTestId(`list-${LIST}`).getByRole("heading")).toHaveText(LIST);

  await page.goto("/settings/users");
  await page.getByLabel("Name").fill(PERSON);
  await page.getByLabel("E-mail").fill(`inj-${stamp}@example.com`);
  await page.getByLabel(/^Initial password/).fill("hostile-user-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, E2E_COMMANDER.email);
  await page.goto(`/incidents/${state.key}`);
  await page.getByText("Category and tags").click();
  const classify = page.getByRole("form", { name: "Category and tags" });
  await classify.getByRole("textbox", { name: /^Tags/ }).fill(`${tag}, ${SCRIPT_PAYLOADS[0]}`);
  await classify.getByRole("button", { name: "Save", exact: true }).click();
  await expect(classify.getByText(/A tag is letters, digits/)).toBeVisible();
  await expect(classify.getByRole("textbox", { name: /^Tags/ })).toHaveValue(`${tag}, ${SCRIPT_PAYLOADS[0]}`);
  await classify.getByRole("textbox", { name: /^Tags/ }).fill(tag);
  await classify.getByRole("button", { name: "Save", exact: true }).click();
  await expect(classify.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.getByText(/^Share links/).click();
  const share = page.getByRole("form", { name: "New share link" });
  await share.getByLabel("For whom").fill(LABEL);
  await share.getByRole("button", { name: "Create link" }).click();
  state.shareUrl = await page.getByTestId("share-link").filter({ hasText: LABEL }).getByRole("textbox").inputValue();
  expect(state.shareUrl).toMatch(/\/status\/[\w-]+\.[\w-]+$/);

  await page.goto(`/incidents/${state.key}/review`);
  await expect(page.getByTestId("section-remediation").getByRole("textbox").first()).toHaveValue(REMEDIATION);
  await page.getByTestId("section-summary").getByLabel("Summary statement 1", { exact: true }).fill(SUMMARY);
  await expect(page.getByTestId("save-status-summary")).toHaveText("Saved", { timeout: 10_000 });
  await sendReport(page.request, state.key);
});

/** Approve and send through the API, retrying if the background drafter bumped the version meanwhile. */
async function sendReport(request: APIRequestContext, key: string) {
  let revisionId = "";
  await expect(async () => {
    const { revision } = (await (await request.get(`/api/incidents/${key}/review`)).json()).data as { revision: { id: string; version: number } };
    revisionId = revision.id;
    expect((await request.post(`/api/revisions/${revision.id}/approve`, { data: { version: revision.version } })).status()).toBe(200);
  }).toPass({ timeout: 20_000 });
  expect((await request.post(`/api/revisions/${revisionId}/send`, { data: {} })).status()).toBe(200);
  await expect(async () => {
    const { revision } = (await (await request.get(`/api/incidents/${key}/review`)).json()).data as { revision: { deliveries: { status: string; recipient: string }[] } };
    expect(revision.deliveries.some((d) => d.recipient === `inj-${stamp}@example.com` && d.status === "sent")).toBe(true);
  }).toPass({ timeout: 20_000 });
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
}

test("a commander reads every page that shows it: all text, nothing runs", async ({ page }) => {
  const guard = await guardPage(page);
  await signIn(page, E2E_COMMANDER.email);
  const key = state.key;
  await visit(page, "/incidents");
  await expectShownInert(page, guard, [TITLE]);
  await visit(page, `/incidents?q=${encodeURIComponent(SCRIPT_PAYLOADS[3])}`);
  await expect(page.getByLabel("Search")).toHaveValue(SCRIPT_PAYLOADS[3]);
  await expectShownInert(page, guard, []);

  await visit(page, `/incidents/${key}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(visibleForm(TITLE));
  const senders = deliveries.map((d) => (d.marker.includes("PDNOTE") ? `${d.marker} ${SCRIPT_PAYLOADS[0]}` : hostileLine(d.marker)));
  await expectShownInert(page, guard, [...senders, NOTE, LONG_PAYLOAD, FINDING, `INJ-CHAT ${SCRIPT_PAYLOADS[3]}`, HOSTILE_SERVICE], page.locator("article"));

  await visit(page, `/incidents/${key}/review`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(visibleForm(TITLE));
  await expect(page.getByTestId("section-summary").getByLabel("Summary statement 1", { exact: true })).toHaveValue(SUMMARY);
  const email = page.getByTestId("email-preview").frameLocator("iframe").first().locator("body");
  await expectShownInert(page, guard, [SUMMARY, REMEDIATION], email);
  await expect(page.getByTestId("email-preview")).toContainText(visibleForm(LIST));

  await visit(page, `/incidents/${key}/history`);
  await expectShownInert(page, guard, [TITLE]);
  await visit(page, "/queue");
  await expectShownInert(page, guard, [TITLE]);
  await visit(page, "/insights?groupBy=service&period=7");
  await expectShownInert(page, guard, [HOSTILE_SERVICE], page.getByTestId("breakdown"));
  await visit(page, `/insights?service=${encodeURIComponent(SCRIPT_PAYLOADS[0])}`);
  await expect(page.getByRole("textbox", { name: "Service" })).toHaveValue(SCRIPT_PAYLOADS[0]);
  await expectShownInert(page, guard, []);

  await visit(page, "/outbox");
  const sentRow = page.getByRole("row").filter({ hasText: `inj-${stamp}@example.com` }).first();
  await expect(sentRow).toContainText(visibleForm(HEADER_PAYLOADS[0]));
  await expectShownInert(page, guard, [TITLE]);
  await sentRow.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Outage Bcc: attacker@evil.example");
  await expectShownInert(page, guard, [SUMMARY, LIST], page.frameLocator("iframe").first().locator("body"));
  await expect(page.getByTestId("message-text")).toContainText(SCRIPT_PAYLOADS[0]);

  const { timeline } = (await (await page.request.get(`/api/incidents/${key}`)).json()).data as { timeline: { rawEventUrl: string | null }[] };
  const raws = [...new Set(timeline.map((e) => e.rawEventUrl).filter((u): u is string => Boolean(u)))];
  expect(raws.length).toBe(deliveries.length);
  for (const raw of raws) {
    await visit(page, raw.replace("/api/raw-events/", "/raw-events/"));
    await expectShownInert(page, guard, ["INJ-", SCRIPT_PAYLOADS[0]]);
  }
});

test("the evidence pack's HTML export is inert as a file and as a page", async ({ page }) => {
  const guard = await guardPage(page);
  await signIn(page, E2E_COMMANDER.email);
  const url = `/api/incidents/${state.key}/history/export?format=html`;
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  const html = await response.text();
  const { active, text } = inspectHtml(html, { allowElements: ["details"] });
  expect(active).toEqual([]);
  for (const shown of [TITLE, SUMMARY, NOTE]) expect(text.replace(/\s+/g, " ")).toContain(visibleForm(shown).replace(/\s+/g, " "));
  // Opened in place (its own CSP, no download header), the browser runs nothing in it either.
  await page.route(`**${url}`, async (route) => {
    const headers = { ...response.headers() };
    delete headers["content-disposition"];
    await route.fulfill({ status: 200, headers, body: html });
  });
  await page.goto(url);
  for (const shown of [TITLE, SUMMARY]) await expect(page.locator("body")).toContainText(visibleForm(shown), { useInnerText: true });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(guard.dialogs).toEqual([]);
});

test("an admin reads the audit log, users and lists: all text, nothing runs", async ({ page }) => {
  const guard = await guardPage(page);
  await signIn(page, E2E_ADMIN.email);
  await visit(page, "/settings/lists");
  await expectShownInert(page, guard, [LIST]);
  await visit(page, "/settings/users");
  await expectShownInert(page, guard, [PERSON]);
  // Each change's before/after, unfolded: the names and the label as the JSON they were stored as.
  for (const [action, shown] of [["user.create", PERSON], ["share_link.create", LABEL]] as const) {
    await visit(page, `/audit?action=${action}`);
    await page.locator("tbody tr").first().locator("summary").click();
    await expectShownInert(page, guard, [shown], page.locator("tbody tr").first());
  }
  await visit(page, `/audit?actor=${encodeURIComponent(SCRIPT_PAYLOADS[1])}`);
  await expect(page.getByLabel("Actor")).toHaveValue(SCRIPT_PAYLOADS[1]);
  await expectShownInert(page, guard, []);
});

test("a viewer and a signed-out stakeholder read the approved report: all text, nothing runs", async ({ page, browser }) => {
  const guard = await guardPage(page);
  await signIn(page, E2E_VIEWER.email);
  await visit(page, `/incidents/${state.key}`);
  await expectShownInert(page, guard, [TITLE, SUMMARY, REMEDIATION]);
  await visit(page, "/incidents");
  await expectShownInert(page, guard, [TITLE]);

  const stranger = await browser.newContext();
  const anonymous = await stranger.newPage();
  const strangerGuard = await guardPage(anonymous);
  await anonymous.goto(state.shareUrl);
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(visibleForm(TITLE));
  // Plain HTML with one inline script of its own (app/status/[token]/route.ts): the same escaping, no Next.js.
  await expectShownInert(anonymous, strangerGuard, [SUMMARY, REMEDIATION, `Shared by the incident commander for ${LABEL}`], anonymous.locator("body"), "plain");
  await stranger.close();
});

test("a commander gives a new incident a hostile title on the split form: the new page and the list show it as text", async ({ page }) => {
  const guard = await guardPage(page);
  await signIn(page, E2E_COMMANDER.email);
  const title = `INJ-SPLIT-${stamp} ${SCRIPT_PAYLOADS[3]} ${SCRIPT_PAYLOADS[4]} ${TEMPLATE_LIKE}`;
  await visit(page, `/incidents/${state.key}`);
  await page.getByTestId("timeline").getByRole("listitem").filter({ hasText: `INJ-MCP-TL-${stamp}` }).getByRole("checkbox").check();
  await page.getByLabel("New incident title").fill(title);
  await page.getByRole("button", { name: "Split selected" }).click();
  await expect(page).not.toHaveURL(new RegExp(`/incidents/${state.key}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectShownInert(page, guard, [title, `INJ-MCP-TL-${stamp}`]);
  await visit(page, `/incidents?q=${encodeURIComponent(`INJ-SPLIT-${stamp}`)}`);
  await expectShownInert(page, guard, [title]);
});
