import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_COMMANDER } from "./fixtures/accounts";
import { expectPageClean, guardPage, type PageGuard } from "./fixtures/page-guard";
import { signIn } from "./fixtures/sign-in";

const directive = (policy: string, name: string) => policy.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";

test("pages get a script nonce of their own on every request; API answers keep the static policy", async ({ request }) => {
  const nonces: string[] = [];
  // The share link's 404 page is plain HTML that runs no script (stakeholder.spec.ts checks a live link's one inline script carries the nonce).
  for (const [path, hasScripts] of [["/login", true], ["/login", true], ["/status/not-a-token", false]] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    const policy = response.headers()["content-security-policy"] ?? "";
    const scripts = directive(policy, "script-src");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scripts)?.[1];
    expect(nonce, `${path}: ${policy}`).toBeTruthy();
    expect(scripts, path).toContain("'strict-dynamic'");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    for (const rule of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(policy, path).toContain(rule);
    // Next.js put the same nonce on its own inline scripts, and only that one.
    const html = await response.text();
    const scriptNonces = [...html.matchAll(/<script\b[^>]*?\snonce="([^"]*)"/g)].map((m) => m[1]);
    expect(scriptNonces.length > 0, path).toBe(hasScripts);
    expect(new Set(scriptNonces), path).toEqual(new Set(hasScripts ? [nonce] : []));
    expect(html.match(/<script\b/g)?.length ?? 0, `${path}: a script without the nonce`).toBe(scriptNonces.length);
    nonces.push(nonce!);
  }
  expect(new Set(nonces).size).toBe(nonces.length);

  for (const path of ["/api/incidents", "/api/status/not-a-token", "/icon.svg", "/incidents"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }
});

test("signed out, a page still redirects to sign-in through the composed proxy", async ({ request }) => {
  for (const path of ["/incidents", "/queue", "/incidents/INC-1/review", "/settings/users"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toMatch(/\/login\?callbackUrl=/);
  }
});

async function visit(page: Page, guard: PageGuard, path: string, heading: RegExp | string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(heading);
  await expectPageClean(page, guard, path);
}

test("a commander clicks through the main pages and the browser reports no CSP violation", async ({ page }) => {
  const guard = await guardPage(page);
  await page.goto("/login");
  await expectPageClean(page, guard, "/login");
  await signIn(page, E2E_COMMANDER.email);

  // Client-side navigation: the chunks these load come in through 'strict-dynamic'.
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [label, heading] of [["Queue", "Review queue"], ["Incidents", "Incidents"], ["Insights", "Insights"], ["Outbox", "Outbox"]] as const) {
    await nav.getByRole("link", { name: new RegExp(`^${label}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/${label.toLowerCase()}`));
    await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(heading);
    await expectPageClean(page, guard, label);
  }
  // Recharts draws its SVG in the browser: the charts are there, so its script ran.
  await page.goto("/insights");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  await visit(page, guard, "/incidents/INC-1", "Checkout API returning 502s");
  // The raw delivery page and the outbox's messages are visited by injection.spec.ts, which creates both.
  await visit(page, guard, "/incidents/INC-1/review", "Checkout API returning 502s");
  // The email preview (a sandboxed srcdoc iframe, under the page's policy) renders.
  await expect(page.getByTestId("email-preview").locator("iframe").first()).toBeVisible();
  await expectPageClean(page, guard, "review with email preview");
  await visit(page, guard, "/incidents/INC-1/history", "Checkout API returning 502s");
  await visit(page, guard, "/incidents/INC-404", "Nothing here");
});

test("an admin's pages (audit, settings) run under the same policy without a violation", async ({ page }) => {
  const guard = await guardPage(page);
  await signIn(page, E2E_ADMIN.email);
  await visit(page, guard, "/audit", "Audit log");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  for (const heading of ["Users", "Integrations", "API tokens", "Distribution lists", "Review rules"]) {
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: heading }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectPageClean(page, guard, heading);
  }
});

test("the policy blocks an inline handler injected into a live page, and the guard sees it", async ({ page }) => {
  const guard = await guardPage(page);
  await signIn(page, E2E_COMMANDER.email);
  await page.goto("/incidents");
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="data:," onerror="window.__pwned = 1"><img src="x-not-there" onerror="window.__pwned = 2">`));
  await expect.poll(() => guard.violations.length).toBeGreaterThan(0);
  expect(guard.violations.join("\n")).toMatch(/script-src-attr|script-src/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
