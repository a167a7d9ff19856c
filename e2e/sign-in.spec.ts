import { expect, test } from "@playwright/test";
import { E2E_COMMANDER, E2E_PASSWORD, E2E_VIEWER } from "./fixtures/accounts";
import { signIn } from "./fixtures/sign-in";

test("the demo commander signs in, sees the demo incident and its timeline, and signs out", async ({ page }) => {
  await page.goto("/incidents/INC-1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);

  await page.getByLabel("E-mail").fill(E2E_COMMANDER.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password." })).toBeVisible();

  // The e-mail is kept after a failure; the page asked for survives the failed attempt and sign-in.
  await expect(page.getByLabel("E-mail")).toHaveValue(E2E_COMMANDER.email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(E2E_COMMANDER.email);
  await expect(page).toHaveURL(/\/incidents\/INC-1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checkout API returning 502s");
  await expect(page.getByTestId("timeline").getByRole("listitem")).toHaveCount(11);
  await expect(page.getByTestId("timeline")).toContainText("Rolling back payments-service to v2.30.4.");
  // The demo incident arrives with a cited, preliminary draft beside its evidence.
  await expect(page.getByTestId("draft-report")).toContainText("Root cause (preliminary)");
  await expect(page.getByTestId("draft-report")).toContainText("payments-service v2.31.0");

  await page.getByRole("link", { name: "Incidents" }).click();
  const row = page.getByRole("row", { name: /INC-1 Checkout API returning 502s/ });
  await expect(row).toContainText("SEV2");
  await expect(row).toContainText("monitoring");

  const signedIn = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login/);
  // The old session cookie, put back (a response that raced the sign-out, a copied cookie), signs no one in.
  await page.context().addCookies(signedIn);
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login/);
});

test("a VIEWER cannot open Settings and does not see it in the navigation", async ({ page }) => {
  await signIn(page, E2E_VIEWER.email);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Incidents"]);
  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your role does not give you access to this page");
  // Stakeholders never see raw evidence: their incident page is the approved content only.
  await page.goto("/incidents/INC-1");
  await expect(page.getByRole("heading", { name: "Incident report" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Updates sent" })).toBeVisible();
  await expect(page.getByTestId("timeline")).toHaveCount(0);
});

test("every response carries the security headers: pages, API, share links and errors", async ({ request }) => {
  for (const path of ["/login", "/api/incidents", "/status/not-a-token", "/api/status/not-a-token", "/incidents"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});
