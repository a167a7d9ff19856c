import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_COMMANDER, E2E_PAGERDUTY_SECRET } from "./fixtures/accounts";
import { signIn } from "./fixtures/sign-in";

type PagerDutyEvent = { event: { id: string; event_type: string; occurred_at: string; data: Record<string, unknown> & { id: string; title: string; service: { summary: string } } } };

/** A PagerDuty V3 delivery built from the recorded fixture, for an incident of this test only. */
function pagerDutyEvent(file: string, incident: { id: string; title: string; service: string; at: Date }): Buffer {
  const body = JSON.parse(readFileSync(`tests/fixtures/webhooks/pagerduty/${file}`, "utf8")) as PagerDutyEvent;
  body.event.id = randomUUID();
  body.event.occurred_at = incident.at.toISOString();
  Object.assign(body.event.data, { id: incident.id, title: incident.title, service: { ...body.event.data.service, summary: incident.service } });
  return Buffer.from(JSON.stringify(body));
}

async function deliver(request: APIRequestContext, body: Buffer, secret = E2E_PAGERDUTY_SECRET) {
  const signature = `v1=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return request.post("/api/webhooks/pagerduty", { data: body, headers: { "content-type": "application/json", "x-pagerduty-signature": signature } });
}

test("a signed PagerDuty webhook becomes an incident whose timeline the commander sees", async ({ page, request }) => {
  const incident = { id: `QE2E${Date.now()}`, title: "Search results empty in eu-west-1", service: `search-api-${Date.now()}`, at: new Date() };
  const triggered = await deliver(request, pagerDutyEvent("01-triggered.json", incident));
  expect(triggered.status()).toBe(202);
  expect((await deliver(request, pagerDutyEvent("01-triggered.json", incident), "not-the-configured-secret")).status()).toBe(401);

  await signIn(page, E2E_COMMANDER.email);
  await page.goto("/incidents");
  // Processing is asynchronous (the job queue); the list shows it as soon as it lands.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: new RegExp(incident.title) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("link", { name: new RegExp(incident.title) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(incident.title);
  await expect(page.getByTestId("timeline")).toContainText("PagerDuty");
  // The background drafter turns the new incident into a cited draft within seconds.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("draft-report")).toContainText("Summary", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("draft-report")).toContainText(incident.title);
  await expect(page.getByTestId("draft-report").getByRole("link", { name: "[1]" }).first()).toBeVisible();

  const acknowledged = await deliver(request, pagerDutyEvent("02-acknowledged.json", { ...incident, at: new Date(incident.at.getTime() + 60_000) }));
  expect(acknowledged.status()).toBe(202);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("timeline").getByRole("listitem")).toHaveCount(2, { timeout: 1000 });
    await expect(page.getByText(/^investigating$/i)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // Every entry links to the raw delivery it came from.
  await page.getByTestId("timeline").getByRole("link", { name: "raw" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("pagerduty delivery");
  await expect(page.locator("pre").last()).toContainText(incident.id);
});

test("HTML and script in a sender's title are shown as text and never run", async ({ page, request }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const title = `<img src=x onerror=alert(1)><script>alert(2)</script> ${Date.now()}`;
  const incident = { id: `QXSS${Date.now()}`, title, service: `xss-${Date.now()}`, at: new Date() };
  expect((await deliver(request, pagerDutyEvent("01-triggered.json", incident))).status()).toBe(202);

  await signIn(page, E2E_COMMANDER.email);
  await expect(async () => {
    await page.goto("/incidents");
    await expect(page.getByText(title)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByText(title).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await page.locator("img[src='x']").count()).toBe(0);
  expect(dialogs).toEqual([]);
});
