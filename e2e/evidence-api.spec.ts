import { expect, test } from "@playwright/test";
import { E2E_COMMANDER } from "./fixtures/accounts";
import { readE2eTokens } from "./fixtures/api-tokens";
import { signIn } from "./fixtures/sign-in";

test("a script adds chat and a deploy to an incident over the API, and the commander sees them", async ({ page, playwright, baseURL }) => {
  const tokens = readE2eTokens();
  const bot = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${tokens.responder}` } });
  const chat = { format: "chat_lines", text: "[09:40] raj: error budget burn back to normal\n[09:41] dana: closing the bridge in 10 minutes" };
  const added = await bot.post("/api/incidents/INC-2/evidence", { data: chat });
  expect(added.status()).toBe(200);
  expect((await added.json()).data).toMatchObject({ received: 2, added: 2 });
  expect((await (await bot.post("/api/incidents/INC-2/evidence", { data: chat })).json()).data).toMatchObject({ added: 0, duplicates: 2 });

  const change = { format: "change", at: new Date().toISOString(), text: "feature flag checkout-v2 turned off", service: "checkout-api" };
  expect((await bot.post("/api/incidents/INC-2/evidence", { data: change })).status()).toBe(200);

  const refusals = [
    [await bot.post("/api/incidents/INC-2/evidence", { data: { format: "metrics_csv", text: "timestamp,series,value\nyesterday,x,1" } }), 422],
    [await bot.post("/api/incidents/INC-2/evidence", { data: { format: "change", text: "no time given" } }), 422],
    [await bot.post("/api/incidents/INC-2/evidence", { data: "not json", headers: { "content-type": "text/plain" } }), 400],
    [await bot.post("/api/incidents/INC-404/evidence", { data: chat }), 404],
    [await (await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${tokens.viewer}` } })).post("/api/incidents/INC-2/evidence", { data: chat }), 403],
    [await (await playwright.request.newContext({ baseURL })).post("/api/incidents/INC-2/evidence", { data: chat }), 401],
  ] as const;
  for (const [response, status] of refusals) {
    expect(response.status()).toBe(status);
    expect((await response.json()).error.message).toBeTruthy();
  }

  await signIn(page, E2E_COMMANDER.email);
  await page.goto("/incidents/INC-2");
  await expect(page.getByTestId("timeline")).toContainText("closing the bridge in 10 minutes");
  await expect(page.getByTestId("timeline")).toContainText("feature flag checkout-v2 turned off");
});

test("a script edits a draft section over the API; the edit is kept as human text and a stale version is refused", async ({ playwright, baseURL }) => {
  const tokens = readE2eTokens();
  const bot = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${tokens.responder}` } });
  const incident = (await (await bot.get("/api/incidents/INC-1")).json()).data;
  const report = incident.drafts.report;
  expect(report.sections.rootCause.status).toBe("preliminary");
  const content = { statements: [{ text: "Checkout failed because payments-service v2.31.0 halved its DB pool.", citations: [incident.timeline[0].id] }] };
  const saved = await bot.put(`/api/revisions/${report.id}/sections/summary`, { data: { content, version: report.version } });
  expect(saved.status()).toBe(200);
  const after = (await (await bot.get("/api/incidents/INC-1")).json()).data.drafts.report;
  expect(after.sections.summary).toEqual(content);
  expect(after.origins.summary).toBe("human");
  const stale = await bot.put(`/api/revisions/${report.id}/sections/summary`, { data: { content, version: report.version } });
  expect(stale.status()).toBe(409);
  const foreign = await bot.put(`/api/revisions/${report.id}/sections/summary`, { data: { content: { statements: [{ text: "x", citations: ["elsewhere"] }] }, version: after.version } });
  expect(foreign.status()).toBe(422);
});
