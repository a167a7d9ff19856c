import { expect, test } from "@playwright/test";
import { E2E_COMMANDER, E2E_RESPONDER } from "./fixtures/accounts";
import { signIn } from "./fixtures/sign-in";

test("a commander reads the team's numbers: the chart and the table under it agree, and the table exports as CSV", async ({ page }) => {
  await signIn(page, E2E_COMMANDER.email);
  await page.getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Insights");
  const headline = page.getByTestId("headline");
  await expect(headline).toContainText("MTTR (median)");
  const incidents = Number(await headline.locator("p").nth(1).textContent());
  expect(incidents).toBeGreaterThan(10);

  // The bars' labels are the medians in the table, row for row.
  const breakdown = page.getByTestId("breakdown");
  const tableMedians = (await breakdown.locator("tbody td[data-metric=mttr-p50]").allTextContents()).filter((v) => v !== "—");
  await expect(breakdown.getByTestId("breakdown-chart").locator(".recharts-label-list text")).toHaveCount(tableMedians.length);
  const chartMedians = await breakdown.getByTestId("breakdown-chart").locator(".recharts-label-list text").allTextContents();
  expect(chartMedians).toEqual(tableMedians);
  // The breakdown's incidents add up to the headline's.
  const perSeverity = (await breakdown.locator("tbody tr td:nth-of-type(1)").allTextContents()).map(Number);
  expect(perSeverity.reduce((a, b) => a + b, 0)).toBe(incidents);

  await page.getByLabel("Break down by").selectOption("service");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/groupBy=service/);
  await expect(page.getByTestId("breakdown")).toContainText("Time to resolve by service");
  await expect(page.getByTestId("breakdown").locator("tbody th").first()).not.toBeEmpty();

  const csv = await page.request.get("/api/insights/export?period=30&groupBy=severity");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toContain("group,key,incidents,open,mtta_p50_min");
  expect(text).toMatch(/\r\ntotal,all,\d+,/);
});

test("insights are for commanders: a responder is refused the page and the API", async ({ page }) => {
  await signIn(page, E2E_RESPONDER.email);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" })).toHaveCount(0);
  expect((await page.goto("/insights"))?.status()).toBe(403);
  expect((await page.request.get("/api/insights")).status()).toBe(403);
});
