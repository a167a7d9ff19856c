import { expect, test } from "@playwright/test";
import { E2E_RESPONDER } from "./fixtures/accounts";
import { readE2eIncidents } from "./fixtures/api-tokens";
import { signIn } from "./fixtures/sign-in";

test("a responder sets an incident's category and tags, taking one from the tags in use; a bad tag is refused on the form", async ({ page }) => {
  const { restore: key } = readE2eIncidents();
  await signIn(page, E2E_RESPONDER.email);
  await page.goto(`/incidents/${key}`);
  await page.getByText("Category and tags").click();
  const form = page.getByRole("form", { name: "Category and tags" });
  await form.getByRole("combobox", { name: "Category" }).selectOption("degradation");
  const tags = form.getByRole("textbox", { name: /^Tags/ });
  await tags.fill("Checkout-EU");
  // Tags already used on other incidents are offered; one click adds it.
  const offered = form.getByLabel("Tags in use").getByRole("button").first();
  const suggestion = ((await offered.textContent()) ?? "").replace(/^\+\s*/, "");
  await offered.click();
  await expect(tags).toHaveValue(`Checkout-EU, ${suggestion}`);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.locator("article header").first()).toContainText("#checkout-eu");
  await expect(page.locator("article header").first()).toContainText(`#${suggestion}`);

  await page.getByText("Category and tags").click();
  await form.getByRole("textbox", { name: /^Tags/ }).fill("no <script> here");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByText(/A tag is letters, digits/)).toBeVisible();
  await expect(form.getByRole("textbox", { name: /^Tags/ })).toHaveValue("no <script> here");
  await expect(page.getByRole("definition").filter({ hasText: "degradation" })).toBeVisible();
});
