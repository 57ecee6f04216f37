import { expect, test } from "@playwright/test";
import { blockOutsideRequests, deviceOf, DEMO, signInWithPassword, snap } from "./helpers";
import { assertNoCspViolations } from "./journeys";

test.beforeEach(async ({ page }) => blockOutsideRequests(page));
test.afterEach(assertNoCspViolations);

test("an owner creates an offer, sees the driver's preview, and pauses it", async ({ page }, testInfo) => {
  if (deviceOf(testInfo) === "phone") await page.setViewportSize({ width: 390, height: 844 });
  const title = `Oat latte ${testInfo.project.name} ${Date.now().toString(36)}`;
  await signInWithPassword(page, DEMO.merchant, /\/merchant$/);
  await page.goto("/merchant/offers");
  await page.getByRole("link", { name: "New offer" }).click();
  await page.waitForURL(/\/merchant\/offers\/new$/);

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Any size oat latte, hot or iced.");
  await page.getByLabel("Price in Nova").fill("250");
  await page.getByLabel("Per-driver limit (optional)").fill("2");
  const preview = page.getByRole("list", { name: "Offer preview" });
  await expect(preview.getByRole("heading", { name: title })).toBeVisible();
  await expect(preview.getByText("Any size oat latte, hot or iced.")).toBeVisible();
  await expect(preview.getByRole("link", { name: new RegExp(`^Redeem ${title} for .*250`) })).toBeVisible();
  await snap(page, testInfo, "merchant-offers-01-new-with-preview");

  await page.getByRole("button", { name: "Create offer" }).click();
  await page.waitForURL(/\/merchant\/offers$/);
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByText("Live", { exact: true })).toBeVisible();
  await snap(page, testInfo, "merchant-offers-02-listed");

  await row.getByRole("button", { name: `Pause ${title}` }).click();
  await expect(row.getByText(/Drivers stop seeing it until you resume it/)).toBeVisible();
  await snap(page, testInfo, "merchant-offers-03-confirm-pause");
  await row.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(row.getByText("Paused", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: `Resume ${title}` })).toBeVisible();
  await snap(page, testInfo, "merchant-offers-04-paused");
});
