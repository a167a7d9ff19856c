import { chromium, type Browser, type BrowserContext } from "@playwright/test";

// The same Chromium flags as playwright.config.ts: Debian's browser, no network but loopback.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export type SignedIn = { browser: Browser; context: BrowserContext; cookie: string; close: () => Promise<void> };

/** Signs in through the real login form, so timed requests carry a real session cookie. */
export async function signInBrowser(baseUrl: string, credentials: { email: string; password: string }): Promise<SignedIn> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS });
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.close();
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { browser, context, cookie, close: () => browser.close() };
}
