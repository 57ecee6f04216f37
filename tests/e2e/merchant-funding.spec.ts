import { expect, test } from "@playwright/test";
import { blockOutsideRequests, DEMO, signInWithPassword, snap } from "./helpers";

// An admin records a bank transfer from Mueller Market Coffee; its owner sees the prepaid cash.
test.beforeEach(async ({ page }) => blockOutsideRequests(page));

test("an admin records a merchant's top-up once; the owner sees it as prepaid cash", async ({
  browser,
  baseURL,
}, testInfo) => {
  const reference = `TRF-${testInfo.project.name}-${Date.now().toString(36)}`;
  const owner = await (await browser.newContext({ baseURL, ...testInfo.project.use })).newPage();
  await signInWithPassword(owner, DEMO.merchant, /\/merchant$/);
  await owner.goto("/merchant/reports");
  const csv = await owner.locator('a[href*="/statement"]').first().getAttribute("href");
  const muellerId = csv!.match(/\/api\/merchants\/([^/]+)\/statement/)![1];

  const admin = await (await browser.newContext({ baseURL, ...testInfo.project.use })).newPage();
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto(`/admin/accounts/MERCHANT/${muellerId}`);
  await admin.getByLabel("Amount received (US dollars)").fill("125.00");
  await admin.getByLabel("Payment reference").fill(reference);
  await admin.getByRole("button", { name: "Record top-up…" }).click();
  await expect(
    admin.getByText(`Record $125.00 from Mueller Market Coffee (ref. ${reference}) as prepaid cash?`),
  ).toBeVisible();
  await snap(admin, testInfo, "funding-01-admin-confirm");
  await admin.getByRole("button", { name: "Record top-up", exact: true }).click();
  await expect(admin.getByText("Recorded: $125.00 for Mueller Market Coffee.")).toBeVisible();
  await admin.context().close();

  await owner.goto("/merchant/funding");
  await expect(owner.getByText(`Top-up received (ref. ${reference})`).first()).toBeVisible();
  await snap(owner, testInfo, "funding-02-merchant");
  await owner.context().close();
});
