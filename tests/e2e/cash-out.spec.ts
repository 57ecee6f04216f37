import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { blockOutsideRequests, budget, DEMO, signInWithPassword, snap } from "./helpers";
import { AT_MUELLER, assertNoCspViolations, device, earnCashReward } from "./journeys";

// The e2e server runs the sandbox Stripe: its setup page stands in for Stripe's onboarding, payouts
// settle two seconds after they are made and its signed webhooks come back to the app. Each test
// earns its own cash reward by charging, then cashes it out through the real stripe SDK.
test.beforeEach(async ({ page }) => blockOutsideRequests(page));
test.afterEach(assertNoCspViolations);

/** Cash-out page → Stripe's (sandbox) setup page → back on the return page, ready. */
async function setUpCashOut(page: Page, testInfo: TestInfo, accountNumber: string, shot: string) {
  await page.goto("/app/cash-out");
  await expect(page.getByRole("heading", { name: "Set up cash-out" })).toBeVisible();
  await snap(page, testInfo, `${shot}-01-setup`);
  await page.getByRole("button", { name: "Set up cash-out" }).click();
  await expect(page.getByRole("heading", { name: "Set up payouts" })).toBeVisible();
  await page.getByLabel("Legal name").fill("Maya Chen");
  await page.getByLabel("Account number").fill(accountNumber);
  await snap(page, testInfo, `${shot}-02-stripe-sandbox`);
  await page.getByRole("button", { name: "Agree and submit" }).click();
  await page.waitForURL(/\/app\/cash-out\/return$/);
  await expect(page.getByText("Cash-out is ready")).toBeVisible();
  await snap(page, testInfo, `${shot}-03-ready`);
  await page.getByRole("link", { name: "Cash out now" }).click();
  await page.waitForURL(/\/app\/cash-out$/);
}

/** The whole $2.00, standard: Continue → the confirmation says what arrives → Confirm. */
async function cashOutEverything(page: Page, testInfo: TestInfo, shot: string) {
  await expect(page.getByLabel("Amount in US dollars")).toHaveValue("2.00");
  await expect(page.getByText(/From \$1\.00 to \$100\.00/)).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Cash out $2.00 to your bank?")).toBeVisible();
  await snap(page, testInfo, `${shot}-04-confirm`);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText(/Cash-out requested: \$2\.00 is on its way/)).toBeVisible();
  await snap(page, testInfo, `${shot}-05-requested`);
  await page.getByRole("link", { name: "Follow this cash-out" }).click();
  await page.waitForURL(/\/app\/cash-out\/\w+$/);
}

/** Reloads the cash-out's page until its timeline shows `line` (the queue and Stripe's webhooks move it). */
async function waitForTimeline(page: Page, line: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(line, { exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 45_000, intervals: [2_000] });
}

test("a driver earns a reward, sets up cash-out and is paid", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(budget(180_000));
  const page = await device(browser, baseURL, testInfo, AT_MUELLER);
  const name = await earnCashReward(page, testInfo, "Cash Driver");
  await setUpCashOut(page, testInfo, "000123456789", "cash-out");
  await cashOutEverything(page, testInfo, "cash-out");
  await waitForTimeline(page, "Paid to your bank");
  await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
  await snap(page, testInfo, "cash-out-06-paid");
  await page.goto("/app/cash-out");
  await expect(page.getByText("Available to cash out").locator("xpath=following-sibling::p[1]")).toHaveText("$0.00");
  await snap(page, testInfo, "cash-out-07-history");

  // The admin finds it with its Stripe events on the timeline.
  const admin = await device(browser, baseURL, testInfo);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto(`/admin/payouts?${new URLSearchParams({ state: "PAID", driver: name })}`);
  await expect(admin.getByRole("heading", { level: 1, name: "Payouts" })).toBeVisible();
  await expect(admin.getByRole("row")).toHaveCount(2); // the header and this driver's one cash-out
  await snap(admin, testInfo, "cash-out-08-admin-payouts");
  await admin.getByRole("row").nth(1).getByRole("link").first().click();
  await admin.waitForURL(/\/admin\/payouts\/\w+$/);
  await expect(admin.getByText(/evt_/).first()).toBeVisible();
  await snap(admin, testInfo, "cash-out-09-admin-payout");
  await admin.context().close();
  await page.context().close();
});

test("a bank that refuses the deposit: the cash-out fails and the money comes back once", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(budget(180_000));
  const page = await device(browser, baseURL, testInfo, AT_MUELLER);
  await earnCashReward(page, testInfo, "Bounced Driver");
  await setUpCashOut(page, testInfo, "000111111116", "cash-out-fail");
  await cashOutEverything(page, testInfo, "cash-out-fail");
  await waitForTimeline(page, "Back in your Nerava wallet");
  await expect(page.getByText(/Your bank could not find an account with those details\./).first()).toBeVisible();
  await snap(page, testInfo, "cash-out-fail-06-returned");
  await page.goto("/app/cash-out");
  await expect(page.getByText("Available to cash out").locator("xpath=following-sibling::p[1]")).toHaveText("$2.00");
  // Stripe marked the bank errored: the driver is asked to fix it before cashing out again
  await expect(page.getByText("Your bank sent a cash-out back")).toBeVisible();
  await snap(page, testInfo, "cash-out-fail-07-bank-problem");
  await page.context().close();
});
