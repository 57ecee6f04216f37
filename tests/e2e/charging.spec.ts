import { expect, test, type Locator } from "@playwright/test";
import { blockOutsideRequests, budget, DEMO, signInWithPassword, snap } from "./helpers";
import {
  AT_MUELLER,
  assertNoCspViolations,
  CHARGER,
  checkInAtMueller,
  connectCar,
  device,
  signUpNewDriver,
  stopCharging,
} from "./journeys";

// The e2e server runs with MIN_DWELL_SECONDS=4 and VERIFY_ACCEPT=car+phone, so a few seconds at
// the charger with the phone sharing its location verifies. Each test signs up its own driver:
// the demo driver is shared with the other specs, and this file runs once per project.
test.beforeEach(async ({ page }) => blockOutsideRequests(page));
test.afterEach(assertNoCspViolations);

const novaIn = async (locator: Locator) => Number((await locator.innerText()).replace(/[^\d]/g, ""));

test("a new driver connects a car, charges at Mueller and is paid once both witnesses agree", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(budget(120_000));
  const page = await device(browser, baseURL, testInfo, AT_MUELLER);
  await signUpNewDriver(page, testInfo, "Charging Driver");
  await connectCar(page, testInfo);

  // Check in; the phone shares its location right away and every few seconds after.
  await checkInAtMueller(page);
  await page.waitForTimeout(8_000);
  const shared = page.getByTestId("location-shared");
  await expect
    .poll(async () => Number((await shared.innerText()).match(/Location shared (\d+) times?/)?.[1] ?? 0))
    .toBeGreaterThanOrEqual(2);
  await snap(page, testInfo, "charging-03-charge-active");

  // Stop: the car's last reading and the phone's dwell agree; the reward waits for the car's final report.
  await stopCharging(page);
  await expect(
    page.getByText("Verifying with your car’s final report — your reward shows as pending until then."),
  ).toBeVisible();
  await snap(page, testInfo, "charging-04-charge-done");

  // The wallet lists the reward as pending straight away.
  await page.getByRole("link", { name: "Wallet" }).first().click();
  await page.waitForURL(/\/app\/wallet$/);
  const activity = page.getByRole("list", { name: "Wallet activity" });
  const pendingLine = activity
    .getByRole("listitem")
    .filter({ hasText: `Charging at ${CHARGER}` })
    .filter({ hasText: "(pending verification)" })
    .filter({ hasText: "✦" });
  await expect(pendingLine.getByText("Pending", { exact: true })).toBeVisible();
  const pendingNova = Number((await pendingLine.innerText()).match(/\+✦\s*([\d,]+)/)?.[1].replace(/,/g, "") ?? 0);
  expect(pendingNova).toBeGreaterThan(0);
  await snap(page, testInfo, "charging-05-wallet-pending");

  // The job queue confirms it a few seconds after check-out: the Nova becomes available.
  const available = page.getByTestId("nova-available");
  for (let i = 0; i < 20 && (await novaIn(available)) === 0; i++) {
    await page.waitForTimeout(2_000);
    await page.reload();
  }
  expect(await novaIn(available)).toBeGreaterThan(0);
  // the header's balance and the activity list are read apart: a release committing between the
  // two reads shows the new balance beside the old list, so the list gets one more load
  await page.reload();
  await expect(activity.getByText(`Charging at ${CHARGER}, verified`).first()).toBeVisible();
  await snap(page, testInfo, "charging-06-wallet-available");

  await page.goto("/app/sessions");
  const session = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: CHARGER }) })
    .first();
  await expect(session.getByText("Verified", { exact: true })).toBeVisible();
  await expect(session.getByRole("button", { name: /File a claim/ })).toHaveCount(0);
  await snap(page, testInfo, "charging-07-sessions");
  await page.context().close();
});

test("without the phone's location a session waits; the driver claims it and an admin approves on the evidence", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(budget(120_000));
  // no geolocation permission: the browser refuses, and the page says what that means
  const page = await device(browser, baseURL, testInfo);
  const driverName = await signUpNewDriver(page, testInfo, "Claiming Driver");

  // Denying at the car maker comes back with a plain explanation; then the driver allows.
  await page.goto("/app/car");
  await page.getByRole("link", { name: "Connect your car" }).click();
  await page.getByRole("link", { name: "Deny" }).click();
  await page.waitForURL(/\/app\/car\?error=declined$/);
  await expect(
    page.getByRole("alert").filter({ hasText: "You didn’t allow access, so no car was connected." }),
  ).toBeVisible();
  await connectCar(page);
  await checkInAtMueller(page);
  await expect(
    page.getByRole("alert").filter({
      hasText: "We need your location to confirm you stayed at the charger — or your car alone may verify it.",
    }),
  ).toBeVisible();
  await snap(page, testInfo, "charging-08-location-denied");
  await stopCharging(page);

  // Only the car confirmed: the session keeps waiting for the phone, so the driver can claim it.
  await page.goto("/app/sessions");
  const session = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: CHARGER }) })
    .first();
  await expect(session.getByText("Verifying", { exact: true })).toBeVisible();
  await session.getByRole("button", { name: /Missing points\? File a claim/ }).click();
  await session.getByLabel("What happened?").fill("I charged at Mueller but my phone's location was switched off.");
  await snap(page, testInfo, "charging-09-claim-form");
  await session.getByRole("button", { name: "Send claim" }).click();
  await expect(session.getByText("Claim under review")).toBeVisible();

  // The admin reviews the car's and phone's evidence side by side and approves.
  const admin = await device(browser, baseURL, testInfo);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto("/admin/claims");
  await expect(admin.getByRole("heading", { level: 1, name: "Reward claims" })).toBeVisible();
  await snap(admin, testInfo, "charging-10-admin-claims");
  await admin
    .getByRole("row")
    .filter({ hasText: driverName })
    .getByRole("link", { name: /Review/ })
    .click();
  await admin.waitForURL(/\/admin\/claims\/\w+$/);
  await expect(admin.getByRole("heading", { level: 1, name: `Claim: ${CHARGER}` })).toBeVisible();
  await expect(
    admin.getByRole("region", { name: "Car readings" }).getByText("Charging", { exact: true }).first(),
  ).toBeVisible();
  await expect(admin.getByText("The phone shared no location between check-in and check-out.")).toBeVisible();
  await admin.getByLabel("Reason").fill("The car charged inside the charger's radius.");
  await admin.getByRole("button", { name: "Approve…" }).click();
  await expect(admin.getByText(/^Approve .+’s claim for Mueller Town Center\?/)).toBeVisible();
  await snap(admin, testInfo, "charging-11-admin-claim-evidence");
  await admin.getByRole("button", { name: "Approve and pay" }).click();
  await expect(admin.getByRole("region", { name: "Decision" }).getByText("Approved", { exact: true })).toBeVisible();

  // The driver sees the decision and the reward.
  await page.reload();
  await expect(session.getByText("Claim approved")).toBeVisible();
  await expect(session.getByText("Verified", { exact: true })).toBeVisible();
  await snap(page, testInfo, "charging-12-claim-approved");

  // Disconnecting asks first, then the car is gone.
  await page.goto("/app/car");
  await page.getByRole("button", { name: /^Disconnect…/ }).click();
  await expect(page.getByText(/^Disconnect your 2023 Tesla Model 3\?/)).toBeVisible();
  await page.getByRole("button", { name: "Disconnect car" }).click();
  await expect(page.getByRole("heading", { name: "Connect your car" })).toBeVisible();
  await admin.context().close();
  await page.context().close();
});
