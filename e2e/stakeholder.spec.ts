import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_COMMANDER, E2E_STAKEHOLDER, E2E_VIEWER } from "./fixtures/accounts";
import { readE2eIncidents } from "./fixtures/api-tokens";
import { expectPageClean, guardPage } from "./fixtures/page-guard";
import { signIn } from "./fixtures/sign-in";

/** Every body a stakeholder can fetch must carry the approved words and neither marker. */
async function expectOnlyApproved(request: APIRequestContext, paths: string[], approved: string) {
  for (const path of paths) {
    const response = await request.get(path);
    const body = await response.text();
    expect(body, path).not.toContain(E2E_STAKEHOLDER.draftMarker);
    expect(body, path).not.toContain(E2E_STAKEHOLDER.internalMarker);
    if (response.ok()) expect(body, path).toContain(approved);
  }
}

test("a VIEWER reads the approved report and never a draft, on the page or through the API", async ({ page }) => {
  const { stakeholder: key } = readE2eIncidents();
  const approved = `IC-wording-${key}`;
  await signIn(page, E2E_VIEWER.email);
  await page.goto(`/incidents/${key}`);
  await expect(page.getByRole("heading", { level: 1, name: E2E_STAKEHOLDER.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Incident report" })).toBeVisible();
  await expect(page.getByText(approved)).toBeVisible();
  await expect(page.getByText(/Revision 1, approved .* not yet emailed/)).toBeVisible();
  await expect(page.getByText("Updates itself every 30 seconds")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(E2E_STAKEHOLDER.draftMarker);
  await expectOnlyApproved(page.request, [`/incidents/${key}`, `/api/incidents/${key}/approved`], approved);
  await expectOnlyApproved(page.request, [`/api/incidents/${key}`, "/api/incidents", "/incidents"], E2E_STAKEHOLDER.title);
  // The draft itself, asked for directly, is refused.
  for (const path of [`/api/incidents/${key}/review`, `/api/incidents/${key}/review?kind=status_update`, `/incidents/${key}/review`, `/incidents/${key}/history`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(await response.text(), path).not.toContain(E2E_STAKEHOLDER.draftMarker);
  }
});

test("a commander shares the approved report; the link works signed out and stops working once revoked", async ({ page, browser }) => {
  const { stakeholder: key } = readE2eIncidents();
  await signIn(page, E2E_COMMANDER.email);
  await page.goto(`/incidents/${key}`);
  await page.getByText(/^Share links/).click();
  const form = page.getByRole("form", { name: "New share link" });
  await form.getByLabel("For whom").fill("Acme account team");
  await form.getByLabel("Valid for").selectOption({ label: "1 day" });
  await form.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByRole("textbox", { name: "Link for Acme account team" }).inputValue();
  expect(url).toMatch(/\/status\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);

  const stranger = await browser.newContext();
  const anonymous = await stranger.newPage();
  const guard = await guardPage(anonymous);
  const scripts: string[] = [];
  anonymous.on("request", (request) => void (request.resourceType() === "script" && scripts.push(request.url())));
  const opened = await anonymous.goto(url);
  await expect(anonymous.getByRole("heading", { level: 1, name: E2E_STAKEHOLDER.title })).toBeVisible();
  await expect(anonymous.getByText(`IC-wording-${key}`)).toBeVisible();
  await expect(anonymous.getByText("Shared by the incident commander for Acme account team")).toBeVisible();
  await expect(anonymous.getByText("Updates itself every 30 seconds")).toBeVisible();
  await expect(anonymous).toHaveTitle("Incident status");
  // The token is a bearer secret: no Referer, no index, no cache, on the response and in the page.
  const headers = opened!.headers();
  expect(headers).toMatchObject({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer", "x-robots-tag": "noindex, nofollow", "x-frame-options": "DENY" });
  await expect(anonymous.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await expect(anonymous.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  // Plain HTML: nothing from /_next/static, one inline script carrying this response's nonce, and it ran under the policy.
  const html = await opened!.text();
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce, headers["content-security-policy"]).toBeTruthy();
  expect([...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1])).toEqual([` nonce="${nonce}"`]);
  expect(html).not.toContain("/_next/");
  expect(scripts).toEqual([]);
  await expectPageClean(anonymous, guard, "share page", "plain");
  await expectOnlyApproved(anonymous.request, [new URL(url).pathname], `IC-wording-${key}`);
  // What the page polls says only whether anything changed.
  const poll = await anonymous.request.get(`/api/status/${new URL(url).pathname.split("/").pop()}`);
  expect(Object.keys(((await poll.json()) as { data: object }).data).sort()).toEqual(["status", "version"]);
  // A guessed token looks like any other missing page.
  expect((await anonymous.request.get("/status/AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")).status()).toBe(404);

  await page.reload();
  await expect(page.getByTestId("share-link").filter({ hasText: "Acme account team" })).toContainText("2 views"); // the page, and its fetch above
  await page.getByRole("button", { name: "Revoke “Acme account team”" }).click();
  await expect(page.getByTestId("share-link").filter({ hasText: "Acme account team" })).toContainText("revoked");
  const gone = await anonymous.goto(url);
  expect(gone?.status()).toBe(404);
  expect((await anonymous.request.get(`/api/status/${new URL(url).pathname.split("/").pop()}`)).status()).toBe(404);
  await expect(anonymous.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(anonymous.locator("body")).not.toContainText(`IC-wording-${key}`);
  await stranger.close();
});

test("an open share page shows a newly approved change after its poll, without a manual reload, and the link-gone page once revoked", async ({ page, browser }) => {
  const { live: key } = readE2eIncidents();
  await signIn(page, E2E_COMMANDER.email);
  await page.goto(`/incidents/${key}`);
  await page.getByText(/^Share links/).click();
  const form = page.getByRole("form", { name: "New share link" });
  await form.getByLabel("For whom").fill("Board");
  await form.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByRole("textbox", { name: "Link for Board" }).inputValue();

  const stranger = await browser.newContext();
  const anonymous = await stranger.newPage();
  const guard = await guardPage(anonymous);
  // The page's own 30-second timer, driven by the test: it survives the reload the script does.
  await anonymous.clock.install();
  await anonymous.goto(url);
  await expect(anonymous.getByText("No report has been approved yet.")).toBeVisible();
  await expectPageClean(anonymous, guard, "share page", "plain");
  const navigations: string[] = [];
  anonymous.on("framenavigated", (frame) => void (frame === anonymous.mainFrame() && navigations.push(frame.url())));

  const wording = `Live-e2e-${Date.now()}: checkout is back for every customer.`;
  const review = async () => ((await (await page.request.get(`/api/incidents/${key}/review`)).json()) as { data: { revision: { id: string; version: number }; evidence: { id: string }[] } }).data;
  const { revision, evidence } = await review();
  const edited = await page.request.put(`/api/revisions/${revision.id}/sections/summary`, { data: { content: { statements: [{ text: wording, citations: [evidence[0]!.id] }] }, version: revision.version } });
  expect(edited.status()).toBe(200);
  expect((await page.request.post(`/api/revisions/${revision.id}/approve`, { data: { version: (await review()).revision.version } })).status()).toBe(200);
  // Nothing changes until the page asks: then it reloads itself once, onto the approved words.
  await expect(anonymous.getByText(wording)).toHaveCount(0);
  await anonymous.clock.runFor(30_000);
  await expect(anonymous.getByText(wording)).toBeVisible();
  expect(navigations).toEqual([url]);
  await expectPageClean(anonymous, guard, "share page after its reload", "plain");

  await page.getByRole("button", { name: "Revoke “Board”" }).click();
  await expect(page.getByTestId("share-link").filter({ hasText: "Board" })).toContainText("revoked");
  await anonymous.clock.runFor(30_000);
  await expect(anonymous.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(anonymous.locator("body")).not.toContainText(wording);
  await stranger.close();
});
