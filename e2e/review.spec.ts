import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_COMMANDER, E2E_RESPONDER, E2E_REVIEW_INCIDENTS } from "./fixtures/accounts";
import { readE2eIncidents, readE2eTokens } from "./fixtures/api-tokens";
import { signIn } from "./fixtures/sign-in";

const saved = (page: Page, section: string) => expect(page.getByTestId(`save-status-${section}`)).toHaveText("Saved", { timeout: 10_000 });

test("a commander works the queue: edits timeline, impact and root cause, watches the email preview change, and approves", async ({ page }) => {
  test.setTimeout(60_000); // five sections edited and saved, each waited for
  const { approve: key } = readE2eIncidents();
  await signIn(page, E2E_COMMANDER.email);
  await page.getByRole("link", { name: /^Queue/ }).click();
  const queue = page.getByTestId("queue");
  const row = queue.getByRole("listitem").filter({ hasText: E2E_REVIEW_INCIDENTS.approve }).filter({ hasText: /Report r1/ });
  await expect(row).toContainText("new to you");
  // Keyboard: j moves the selection down, k back up.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  const selectedBefore = await queue.locator("[data-selected=true]").textContent();
  await page.keyboard.press("j");
  await expect(queue.locator("[data-selected=true]")).not.toHaveText(selectedBefore ?? "");
  await page.keyboard.press("k");
  await expect(queue.locator("[data-selected=true]")).toHaveText(selectedBefore ?? "");
  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${key}/review$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E_REVIEW_INCIDENTS.approve);

  // Timeline: a new entry, cited.
  const timeline = page.getByTestId("section-timeline");
  await timeline.getByRole("button", { name: "Add entry" }).click();
  const entries = timeline.getByRole("list", { name: "Timeline entries" }).getByRole("listitem");
  const added = entries.last();
  await added.getByLabel(/^Text of entry/).fill("Support confirmed checkouts succeed again");
  await added.getByLabel(/^Cite evidence in entry/).fill("1");
  await added.getByLabel(/^Cite evidence in entry/).press("Enter");
  await expect(added.getByRole("button", { name: "Open evidence 1" })).toBeVisible();
  await saved(page, "timeline");

  // Impact: an impossible end time is refused on the field, and nothing is saved until it is fixed.
  const impact = page.getByTestId("section-impact");
  const started = await impact.getByLabel("Started (UTC)").inputValue();
  await impact.getByLabel(/^Ended \(UTC/).fill("2020-01-01 00:00");
  await expect(impact.getByText("an incident cannot be resolved before it started")).toBeVisible();
  await expect(page.getByTestId("save-status-impact")).toHaveText("Not saved: check the fields");
  const end = new Date(Date.parse(`${started.replace(" ", "T")}:00Z`) + 47 * 60_000).toISOString();
  await impact.getByLabel(/^Ended \(UTC/).fill(`${end.slice(0, 10)} ${end.slice(11, 16)}`);
  await expect(impact.getByLabel("Duration (minutes)")).toHaveValue("47");
  await saved(page, "impact");

  // Root cause: pick the leading candidate, say it in our words, confirm it.
  const rootCause = page.getByTestId("section-rootCause");
  await rootCause.getByRole("button", { name: "Use as the cause" }).first().click();
  const marker = `Confirmed-cause-${Date.now()}: payments-service v2.31.0 halved the database pool`;
  await rootCause.getByLabel("Root-cause statement 1", { exact: true }).fill(marker);
  await rootCause.getByLabel("Confirmed", { exact: true }).check();
  await saved(page, "rootCause");
  await expect(rootCause.getByText("edited by a person")).toBeVisible();

  // The preview is the email as it would go out, to each list, and it follows the saved text.
  const preview = page.getByTestId("email-preview");
  await expect(preview.getByTestId("preview-recipients").first()).toContainText("@example.com");
  await expect(preview.frameLocator("iframe").first().getByText(marker)).toBeVisible({ timeout: 15_000 });
  await expect(preview.frameLocator("iframe").first().getByText("Support confirmed checkouts succeed again")).toBeVisible();
  await expect(preview.frameLocator("iframe").first().getByText("Root cause", { exact: true })).toBeVisible();

  // The diff against the machine draft shows what the commander changed.
  await rootCause.getByRole("button", { name: "Compare with machine draft" }).click();
  await expect(page.getByTestId("diff-rootCause")).toContainText(marker);

  await page.getByRole("button", { name: "Approve r1" }).click();
  await expect(page.getByTestId("revision-state")).toContainText("approved");
  await page.getByRole("link", { name: /^Queue/ }).click();
  const leftover = page.getByTestId("queue").getByRole("listitem").filter({ hasText: E2E_REVIEW_INCIDENTS.approve }).filter({ hasText: /Report r\d/ });
  await expect(leftover).toHaveCount(0);
});

test("a responder edits but cannot approve, in the page or through the API", async ({ page, request }) => {
  const { responder: key } = readE2eIncidents();
  await signIn(page, E2E_RESPONDER.email);
  await page.goto(`/incidents/${key}/review`);
  await expect(page.getByText("Only a commander or admin approves or sends.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  await expect(page.getByLabel("Confirmed", { exact: true })).toBeDisabled();
  await page.getByTestId("section-summary").getByLabel("Summary statement 1", { exact: true }).fill("Card payments failed; a responder wrote this.");
  await saved(page, "summary");

  const token = readE2eTokens().responder;
  const review = await request.get(`/api/incidents/${key}/review`, { headers: { authorization: `Bearer ${token}` } });
  expect(review.status()).toBe(200);
  const { revision } = (await review.json()).data as { revision: { id: string; version: number } };
  const refused = await request.post(`/api/revisions/${revision.id}/approve`, { headers: { authorization: `Bearer ${token}` }, data: { version: revision.version } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("incidents.approve") });
  const stale = await request.put(`/api/revisions/${revision.id}/sections/summary`, { headers: { authorization: `Bearer ${token}` }, data: { version: 1, content: { statements: [] } } });
  expect(stale.status()).toBe(409);
  const tooBig = await request.put(`/api/revisions/${revision.id}/sections/summary`, { headers: { authorization: `Bearer ${token}` }, data: { version: revision.version, content: { statements: [{ text: "x".repeat(6000), citations: [] }] } } });
  expect(tooBig.status()).toBe(422);
  expect((await tooBig.json()).error.details.field).toBe("summary.statements.0.text");
});

test("two people on the same draft see each other, and the second save of a section gets the merge, not an overwrite", async ({ browser }) => {
  // Two browsers, two sign-ins and presence polling: about 26 s on a loaded 2-core machine, too near the 30 s default.
  test.setTimeout(60_000);
  const { conflict: key } = readE2eIncidents();
  const [first, second] = [await browser.newContext(), await browser.newContext()];
  const [commander, responder] = [await first.newPage(), await second.newPage()];
  await signIn(commander, E2E_COMMANDER.email);
  await signIn(responder, E2E_RESPONDER.email);
  await commander.goto(`/incidents/${key}/review`);
  await responder.goto(`/incidents/${key}/review`);
  await expect(commander.getByTestId("presence")).toContainText(E2E_RESPONDER.name, { timeout: 15_000 });
  await expect(responder.getByTestId("presence")).toContainText(E2E_COMMANDER.name, { timeout: 15_000 });

  // The responder loses the network mid-edit: the text stays in the page (and the browser's storage).
  await second.route("**/api/**", (route) => route.abort("internetdisconnected"));
  await responder.getByLabel("Summary statement 1", { exact: true }).fill("Responder: card payments failed for 40 minutes.");
  await expect(responder.getByTestId("save-status-summary")).toHaveText("Not saved", { timeout: 10_000 });
  // Meanwhile the commander rewrites the same statement and it saves.
  await commander.getByLabel("Summary statement 1", { exact: true }).fill("Commander: checkout was down for card payments.");
  await saved(commander, "summary");
  // Back online, the responder's next keystroke saves against a section that moved on: refused, with a way to merge.
  await second.unrouteAll();
  await responder.getByLabel("Summary statement 1", { exact: true }).press("End");
  await responder.getByLabel("Summary statement 1", { exact: true }).pressSequentially(" ");
  const conflict = responder.getByTestId("conflict-summary");
  await expect(conflict).toContainText("changed this section after you opened it", { timeout: 10_000 });
  await expect(conflict).toContainText("Commander: checkout was down for card payments.");
  await conflict.getByRole("button", { name: "Merge both" }).click();
  await saved(responder, "summary");
  await expect(responder.getByLabel("Summary statement 1", { exact: true })).toHaveValue(/^Responder: card payments failed for 40 minutes\./);
  await expect(responder.getByLabel("Summary statement 2", { exact: true })).toHaveValue("Commander: checkout was down for card payments.");
  // The commander's page takes in the merged text on its own.
  await expect(commander.getByLabel("Summary statement 2", { exact: true })).toHaveValue("Commander: checkout was down for card payments.", { timeout: 15_000 });
  await expect(commander.getByLabel("Summary statement 1", { exact: true })).toHaveValue(/^Responder: card payments failed/);
  await first.close();
  await second.close();
});

test("typed text is never lost: leaving asks first, and a crashed tab brings the text back and saves it", async ({ page, context }) => {
  const { restore: key } = readE2eIncidents();
  await signIn(page, E2E_COMMANDER.email);
  await page.goto(`/incidents/${key}/review`);
  // The server cannot be reached, so the edit stays unsaved.
  await context.route("**/api/revisions/*/sections/**", (route) => route.abort("internetdisconnected"));
  const text = `Typed before the crash ${Date.now()}`;
  await page.getByLabel("Remediation statement 1", { exact: true }).fill(text);
  await expect(page.getByTestId("save-status-remediation")).toHaveText("Not saved", { timeout: 10_000 });
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "Incidents", exact: true }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain("not saved yet");
  await expect(page).toHaveURL(new RegExp(`/incidents/${key}/review$`));
  // The tab dies; the next one finds the text in the browser's storage and saves it.
  await page.close({ runBeforeUnload: false });
  await context.unrouteAll();
  const again = await context.newPage();
  await again.goto(`/incidents/${key}/review`);
  await expect(again.getByTestId("section-remediation")).toContainText("Restored text you typed at");
  await expect(again.getByLabel("Remediation statement 1", { exact: true })).toHaveValue(text);
  await saved(again, "remediation");
  await again.reload();
  await expect(again.getByLabel("Remediation statement 1", { exact: true })).toHaveValue(text);
  await expect(again.getByTestId("section-remediation")).not.toContainText("Restored text");
});

test("an ADMIN turns on the two-person rule in Settings; the editor who made the last change is then told to find a second approver", async ({ page }) => {
  const { responder: key } = readE2eIncidents();
  await signIn(page, E2E_ADMIN.email);
  await page.goto("/settings/review");
  const sev2 = page.getByLabel("Approver must not be the last editor (SEV2)");
  await sev2.check();
  await expect(page.getByText("Saving…")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Approver must not be the last editor (SEV2)")).toBeChecked();
  await page.goto(`/incidents/${key}/review`);
  await page.getByLabel("Summary statement 1", { exact: true }).fill("The admin's own wording of the summary.");
  await saved(page, "summary");
  await expect(page.getByText("You made the last edit; another commander must approve.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Approve r/ })).toBeDisabled();
  await page.goto("/settings/review");
  await page.getByLabel("Approver must not be the last editor (SEV2)").uncheck();
  await expect(page.getByText("Saving…")).toHaveCount(0);
});
