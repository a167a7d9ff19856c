import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_WRONG_PASSWORD } from "./fixtures/accounts";
import { readE2eTokens } from "./fixtures/api-tokens";
import { collectRunSecrets, findLeaks, readServerLog } from "./fixtures/server-log";

// Runs after every other e2e test (the "server log" teardown project in playwright.config.ts).
// It takes the error paths that handle secrets once more, so the log has something to show even
// when a single spec was run, then searches everything the server printed during the run.
test("the server's log shows the error paths it took, and no secret or token", async ({ page, request, playwright, baseURL }) => {
  const body = Buffer.from(JSON.stringify({ event: { id: "server-log-check", event_type: "incident.triggered" } }));
  const forgedSignature = `v1=${createHmac("sha256", "not-the-e2e-signing-secret").update(body).digest("hex")}`;
  expect((await request.post("/api/webhooks/pagerduty", { data: body, headers: { "content-type": "application/json", "x-pagerduty-signature": forgedSignature } })).status()).toBe(401);
  expect((await request.get("/api/incidents", { headers: { authorization: `Bearer ${readE2eTokens().responder}x` } })).status()).toBe(401);
  const forgedCookie = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..Zm9yZ2Vk.Zm9yZ2VkLWNvb2tpZQ.Zm9yZ2Vk" } });
  const redirected = await forgedCookie.get("/incidents", { maxRedirects: 0 });
  expect(redirected.headers().location).toContain("/login");
  await forgedCookie.dispose();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("nobody@sitrep.local");
  await page.getByLabel("Password").fill(`${E2E_WRONG_PASSWORD}teardown`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong e-mail or password.");

  // The server writes its log as it goes; wait for the last path's line rather than a fixed time.
  await expect.poll(readServerLog).toContain("pagerduty delivery refused: no v1 signature matches");
  const log = readServerLog();
  expect(log).toContain("Ready in");
  expect(log).toContain("[email] sending through");
  expect(log).toContain("[auth] JWTSessionError");
  expect(findLeaks(log, await collectRunSecrets())).toEqual([]);
});
