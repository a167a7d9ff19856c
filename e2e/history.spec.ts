import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_COMMANDER } from "./fixtures/accounts";
import { readE2eIncidents, readE2eTokens } from "./fixtures/api-tokens";
import { signIn } from "./fixtures/sign-in";

type Review = { revision: { id: string; number: number; version: number }; evidence: { id: string }[] };

async function readReview(request: APIRequestContext, key: string): Promise<Review> {
  const response = await request.get(`/api/incidents/${key}/review`);
  expect(response.status()).toBe(200);
  return (await response.json()).data as Review;
}

// An incident of its own: the report's r1 is edited, approved, edited again (voiding the
// approval) and rejected, and new evidence makes the drafter write r2.
test("a commander reads an incident's history: the thread with a voided approval, a diff between two revisions, and the evidence pack", async ({ page, playwright, baseURL }) => {
  const { history: key } = readE2eIncidents();
  await signIn(page, E2E_COMMANDER.email);
  const stamp = Date.now();
  const first = `History-e2e-${stamp}: card payments failed.`;
  const second = `History-e2e-${stamp}: card payments failed for 40 minutes.`;
  const note = `History-e2e-${stamp} payments team joined the bridge`;

  const { revision, evidence } = await readReview(page.request, key);
  expect(revision.number).toBe(1);
  const cited = { citations: [evidence[0]!.id] };
  const edit = (text: string, version: number) => page.request.put(`/api/revisions/${revision.id}/sections/summary`, { data: { content: { statements: [{ text, ...cited }] }, version } });
  expect((await edit(first, revision.version)).status()).toBe(200);
  expect((await page.request.post(`/api/revisions/${revision.id}/approve`, { data: { version: (await readReview(page.request, key)).revision.version } })).status()).toBe(200);
  expect((await edit(second, (await readReview(page.request, key)).revision.version)).status()).toBe(200);
  const rejected = await page.request.post(`/api/revisions/${revision.id}/reject`, { data: { version: (await readReview(page.request, key)).revision.version, reason: "History e2e: wait for the bridge's update" } });
  expect(rejected.status()).toBe(200);
  expect((await page.request.post(`/api/incidents/${key}/evidence`, { data: { format: "note", text: note } })).status()).toBe(200);

  // The drafter writes r2 in the background, within seconds.
  await page.goto(`/incidents/${key}/history`);
  const thread = page.getByTestId("history-thread");
  await expect(async () => {
    await page.reload();
    await expect(thread.getByText("Drafted report r2")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(thread.getByText("Drafted report r1")).toBeVisible();
  await expect(thread.getByText("Edited Summary of report r1")).toHaveCount(2);
  const approval = thread.locator('li[data-action="approval.given"]').filter({ hasText: "Approved report r1" });
  await expect(approval).toContainText("VOIDED");
  await expect(approval).toContainText(E2E_COMMANDER.name);
  await expect(thread.locator('li[data-action="approval.voided"]')).toContainText("edited after approval");
  await expect(thread.getByText("Rejected report r1")).toBeVisible();
  await expect(thread.getByText("Evidence added (note)")).toBeVisible();

  // An edit's own diff opens in place, without JavaScript (<details>).
  const lastEdit = thread.locator('li[data-action="revision.edit"]').last();
  await lastEdit.getByText(/^What changed/).click();
  await expect(lastEdit.locator('tr[data-mark="added"]', { hasText: "for 40 minutes" })).toBeVisible();

  // Two revisions compared through the GET form.
  await page.getByLabel("Kind").selectOption("report");
  await page.getByLabel("From revision").selectOption("1");
  await page.getByLabel("To revision").selectOption("2");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/kind=report&from=1&to=2/);
  const diff = page.getByTestId("revision-diff");
  await expect(diff).toContainText("Report r1 → r2");
  await expect(diff.getByTestId("history-diff-timeline").locator('tr[data-mark="added"]', { hasText: note })).toContainText("+");
  await page.goto(`/incidents/${key}/history?kind=report&from=1&to=7`);
  await expect(page.getByText("This incident has no report r7")).toBeVisible();

  // The evidence pack, as JSON with the audit hashes and as a printable page.
  const jsonHref = await page.getByRole("link", { name: "Download evidence pack (JSON)" }).getAttribute("href");
  const json = await page.request.get(jsonHref!);
  expect(json.status()).toBe(200);
  expect(json.headers()["content-disposition"]).toBe(`attachment; filename="${key}-evidence.json"`);
  const pack = (await json.json()) as { incident: { key: string }; auditEvents: { action: string; hash: string; prevHash: string }[]; generatedBy: { label: string } };
  expect(pack.incident.key).toBe(key);
  expect(pack.generatedBy.label).toBe(E2E_COMMANDER.email);
  expect(pack.auditEvents.map((e) => e.action)).toEqual(expect.arrayContaining(["revision.edit", "revision.approve", "revision.reject", "evidence.add"]));
  expect(pack.auditEvents.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && /^[0-9a-f]{64}$/.test(e.prevHash))).toBe(true);
  const htmlHref = await page.getByRole("link", { name: "Download evidence pack (HTML)" }).getAttribute("href");
  const html = await page.request.get(htmlHref!);
  expect(html.status()).toBe(200);
  expect(html.headers()["content-type"]).toContain("text/html");
  expect(html.headers()["content-disposition"]).toBe(`attachment; filename="${key}-evidence.html"`);
  const body = await html.text();
  expect(body).toContain(second);
  expect(body).not.toMatch(/<script/i);

  // Drafts are not for stakeholders: a VIEWER's token is refused the history and the pack.
  const viewer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${readE2eTokens().viewer}` } });
  expect((await viewer.get(`/api/incidents/${key}/history`)).status()).toBe(403);
  expect((await viewer.get(`/api/incidents/${key}/history/export?format=json`)).status()).toBe(403);
  await viewer.dispose();
});
