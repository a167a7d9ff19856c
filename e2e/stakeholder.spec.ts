import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_COMMANDER, E2E_STAKEHOLDER, E2E_VIEWER } from "./fixtures/accounts";
import { readE2eIncidents } from "./fixtures/api-tokens";
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
  await anonymous.goto(url);
  await expect(anonymous.getByRole("heading", { level: 1, name: E2E_STAKEHOLDER.title })).toBeVisible();
  await expect(anonymous.getByText(`IC-wording-${key}`)).toBeVisible();
  await expect(anonymous.getByText("Shared by the incident commander for Acme account team")).toBeVisible();
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
