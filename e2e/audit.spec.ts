import { expect, test } from "@playwright/test";
import { E2E_ADMIN, E2E_COMMANDER } from "./fixtures/accounts";
import { signIn } from "./fixtures/sign-in";

test("an admin filters the audit log, verifies the chain in the page, and exports what the filter shows", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  // Signing in just now is itself on the record.
  await page.getByLabel("Action").fill("auth.sign_in");
  await page.getByLabel("Actor").fill(E2E_ADMIN.email);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=auth.sign_in/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("auth.sign_in");
  for (const action of await rows.locator("td:nth-of-type(4)").allTextContents()) expect(action).toBe("auth.sign_in");

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByTestId("chain-verdict")).toContainText(/Chain intact: all \d+ events verify/);

  const href = await page.getByRole("link", { name: "Export JSON Lines" }).getAttribute("href");
  const exported = await page.request.get(href!);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toContain("application/x-ndjson");
  const records = (await exported.text()).trimEnd().split("\n").map((line) => JSON.parse(line) as { action: string; actorLabel: string; hash: string });
  expect(records.length).toBeGreaterThan(0);
  expect(records.every((r) => r.action === "auth.sign_in" && r.actorLabel === E2E_ADMIN.email && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  const bad = await page.request.get("/api/audit/export?format=xml");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toContain("format must be csv or jsonl");
});

test("the audit log is for admins: a commander is refused the page, the API and the export, and each refusal is on the record", async ({ page, browser }) => {
  await signIn(page, E2E_COMMANDER.email);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" })).toHaveCount(0);
  expect((await page.goto("/audit"))?.status()).toBe(403);
  expect((await page.request.get("/api/audit")).status()).toBe(403);
  expect((await page.request.get("/api/audit/export?format=csv")).status()).toBe(403);

  const admin = await browser.newPage();
  await signIn(admin, E2E_ADMIN.email);
  const listed = await admin.request.get(`/api/audit?action=auth.permission_denied&actor=${encodeURIComponent(E2E_COMMANDER.email)}&limit=50`);
  expect(listed.status()).toBe(200);
  const denied = ((await listed.json()) as { data: { events: { targetId: string; actorLabel: string }[] } }).data.events;
  expect(denied.map((e) => e.targetId)).toEqual(expect.arrayContaining(["audit.read", "GET /api/audit", "GET /api/audit/export"]));
  expect(denied.every((e) => e.actorLabel === E2E_COMMANDER.email)).toBe(true);
  await admin.close();
});
