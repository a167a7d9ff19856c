import { expect, test } from "@playwright/test";
import { E2E_ADMIN, E2E_LOCKOUT, E2E_PASSWORD, E2E_WRONG_PASSWORD } from "./fixtures/accounts";
import { signIn } from "./fixtures/sign-in";

test("the sixth wrong password for an account is refused with when to retry, and counted against the socket's address", async ({ page, browser }) => {
  // A forged X-Forwarded-For must not become the address the limit counts (TRUST_PROXY is 0 here).
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.99" });
  await page.goto("/login");
  const attempt = async (password: string) => {
    await page.getByLabel("E-mail").fill(E2E_LOCKOUT.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form clears the password once the action has answered.
    await expect(page.getByLabel("Password")).toHaveValue("");
  };
  for (let i = 1; i <= 5; i += 1) {
    await attempt(`${E2E_WRONG_PASSWORD}${i}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong e-mail or password.");
  }
  await attempt(`${E2E_WRONG_PASSWORD}6`);
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many failed sign-in attempts for this e-mail\. Try again in 15 minutes \(after \d\d:\d\d UTC\)\.$/);
  // Now even the right password waits for the window to end.
  await attempt(E2E_PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toContainText("Too many failed sign-in attempts");
  await expect(page).toHaveURL(/\/login/);

  const admin = await browser.newPage();
  await signIn(admin, E2E_ADMIN.email);
  const response = await admin.request.get(`/api/audit?action=auth.sign_in_throttled&actor=${encodeURIComponent(E2E_LOCKOUT.email)}`);
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { events: { actorLabel: string; after: { limit: string; ip?: string } }[] } };
  expect(data.events.map((e) => [e.actorLabel, e.after.limit, e.after.ip])).toEqual([[E2E_LOCKOUT.email, "account", "127.0.0.1"]]);
  await admin.close();
});
