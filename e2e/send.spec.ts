import { expect, test } from "@playwright/test";
import { E2E_COMMANDER } from "./fixtures/accounts";
import { readE2eIncidents, readE2eTokens } from "./fixtures/api-tokens";
import { signIn } from "./fixtures/sign-in";

test("approve and send: the commander's words reach the right people, in one thread, once; an edit after approval blocks the next send; a responder cannot send", async ({ page, request }) => {
  const { send: key } = readE2eIncidents();
  await signIn(page, E2E_COMMANDER.email);
  await page.goto(`/incidents/${key}/review`);
  const words = `Sent-words-${Date.now()}: card payments failed for 41 minutes.`;
  await page.getByLabel("Summary statement 1", { exact: true }).fill(words);
  await expect(page.getByTestId("save-status-summary")).toHaveText("Saved", { timeout: 10_000 });
  await expect(page.getByTestId("email-preview").frameLocator("iframe").first().locator("p", { hasText: words })).toBeVisible({ timeout: 15_000 });
  const recipients = (await page.getByTestId("preview-recipients").allInnerTexts()).join(" ");
  expect(recipients).toContain("cto@example.com");

  await page.getByRole("button", { name: "Approve and send" }).click();
  await expect(page.getByTestId("revision-state")).toContainText("sent");
  const deliveries = page.getByTestId("deliveries");
  await expect(deliveries).toContainText(/Sent to (\d+) of \1/, { timeout: 20_000 });
  await expect(deliveries).toContainText("cto@example.com");

  // The outbox holds each email exactly as sent: the edit, the recipient, the thread header.
  await page.getByRole("link", { name: "Outbox" }).click();
  const row = page.getByRole("row").filter({ hasText: key }).filter({ hasText: "cto@example.com" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("sent");
  await row.getByRole("link").click();
  await expect(page.getByTestId("message-headers")).toContainText("Message-ID");
  await expect(page.getByTestId("message-headers")).toContainText(/<incident-.+@sitrep\.local>/);
  await expect(page.getByTestId("message-text")).toContainText(words);

  // The status update: approved, then edited, so its approval is void and it cannot go out.
  await page.goto(`/incidents/${key}/review?kind=status_update`);
  await page.getByRole("button", { name: /^Approve r\d+$/ }).click();
  await expect(page.getByTestId("revision-state")).toContainText("approved");
  await expect(page.getByRole("button", { name: /^Send r\d+ now$/ })).toBeVisible();
  await page.getByLabel("Current impact 1", { exact: true }).fill("Card payments work again; we are watching the error rate.");
  await expect(page.getByTestId("save-status-currentImpact")).toHaveText("Saved", { timeout: 10_000 });
  await expect(page.getByTestId("revision-state")).toContainText("in review");
  await expect(page.getByRole("button", { name: /^Send r\d+ now$/ })).toHaveCount(0);
  const token = readE2eTokens().responder;
  const review = await request.get(`/api/incidents/${key}/review?kind=status_update`, { headers: { authorization: `Bearer ${token}` } });
  const revisionId = ((await review.json()).data as { revision: { id: string } }).revision.id;
  const refused = await request.post(`/api/revisions/${revisionId}/send`, { headers: { authorization: `Bearer ${token}` }, data: {} });
  expect(refused.status()).toBe(403);
  const unapproved = await page.request.post(`/api/revisions/${revisionId}/send`, { data: {} });
  expect(unapproved.status()).toBe(409);
  expect((await unapproved.json()).error.message).toContain("not approved");

  // Re-approved, it goes out as a reply in the same thread.
  await page.getByRole("button", { name: "Approve and send" }).click();
  await expect(page.getByTestId("deliveries")).toContainText(/Sent to (\d+) of \1/, { timeout: 20_000 });
  await page.goto("/outbox");
  const reply = page.getByRole("row").filter({ hasText: key }).filter({ hasText: "status update" }).filter({ hasText: "cto@example.com" });
  await expect(reply).toContainText("Re: ");
  await reply.getByRole("link").click();
  await expect(page.getByTestId("message-headers")).toContainText("In-Reply-To");
  await expect(page.getByTestId("message-text")).toContainText("Card payments work again");
});
