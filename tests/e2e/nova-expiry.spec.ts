import { expect, test } from "@playwright/test";
import { blockOutsideRequests, signInWithPassword, snap } from "./helpers";

// The seeded lapsed driver earned 120 Nova almost a year ago and has not charged or redeemed
// since: the wallet says how many Nova expire and when, in a notice under the balances.

test.beforeEach(async ({ page }) => {
  await blockOutsideRequests(page);
});

test("the wallet shows the next Nova expiry: amount and date", async ({ page }, testInfo) => {
  await signInWithPassword(page, "lapsed@nerava.demo", /\/app/, "/app/wallet");
  await page.goto("/app/wallet");
  const notice = page.getByTestId("nova-expiry");
  await expect(notice).toHaveText(/^✦ 120 Nova expiring on \d{1,2} [A-Z][a-z]{2} \d{4}$/);
  await expect(page.getByTestId("nova-available")).toContainText("120");
  await expect(page.getByText("A verified charging session or a redeemed offer before then")).toBeVisible();
  await snap(page, testInfo, "nova-expiry-01-wallet");
});
