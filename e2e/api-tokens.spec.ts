import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./fixtures/accounts";
import { signIn } from "./fixtures/sign-in";

test("an ADMIN creates an API token in Settings; the read API answers it and refuses anonymous calls", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get("/api/incidents");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("UNAUTHENTICATED");

  await signIn(page, E2E_ADMIN.email);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Name (what uses it)").fill("status-bot");
  await page.getByRole("combobox", { name: /Role/ }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^sitrep_/);
  await expect(page.getByRole("listitem").filter({ hasText: "status-bot" })).toContainText("VIEWER");

  const bot = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const listed = await bot.get("/api/incidents?severity=SEV2&q=demo");
  expect(listed.status()).toBe(200);
  const body = await listed.json();
  expect(body.data.map((i: { key: string }) => i.key)).toEqual(["INC-1"]);

  const missing = await bot.get("/api/incidents/INC-999");
  expect(missing.status()).toBe(404);

  await page.getByRole("listitem").filter({ hasText: "status-bot" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "status-bot" })).toContainText("revoked");
  expect((await bot.get("/api/incidents")).status()).toBe(401);
});
