import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { blockOutsideRequests, budget, DEMO, PHONE, recordCspViolations, signInWithPassword, snap } from "./helpers";
import {
  AT_MUELLER,
  checkInAtMueller,
  connectCar,
  fillBusinessSignUp,
  signUpNewDriver,
  stopCharging,
} from "./journeys";

// Issue 11's whole journey on the production build: a business signs up, an admin approves and funds
// it, it connects Square (the sandbox twin), makes an offer; a driver charges at Mueller, a sale rings
// up at the shop's Square location 470 m away, the driver confirms it, the reward is pending, then
// available once the (e2e: 36-second) refund window closes, and the report shows the visit, the
// purchase and its cost. Merchant pages are shot at laptop (1366) and tablet (1024) width.
// (desktop project only: the journey opens its own phone for the driver)

const csp: string[][] = [];
test.afterEach(() => {
  for (const v of csp.splice(0)) expect(v, "CSP violations").toEqual([]);
});

async function open(browser: Browser, baseURL: string | undefined, use: Parameters<Browser["newContext"]>[0] = {}) {
  const page = await (await browser.newContext({ baseURL, ...use })).newPage();
  await blockOutsideRequests(page);
  csp.push(recordCspViolations(page));
  return page;
}

/** The merchant page at laptop and at tablet width. */
async function snapBoth(page: Page, testInfo: TestInfo, name: string) {
  await snap(page, testInfo, `${name}-laptop`);
  await page.setViewportSize({ width: 1024, height: 1366 });
  await snap(page, testInfo, `${name}-tablet`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

test("sign-up → approval → Square → offer → a charging driver's purchase is rewarded and reported", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(budget(300_000));
  const tag = Date.now().toString(36);
  const business = `Aldrich Street Bakery ${tag}`;

  // the business signs up and waits for review
  const owner = await open(browser, baseURL, { viewport: { width: 1366, height: 900 } });
  await owner.goto("/merchant/signup");
  await fillBusinessSignUp(owner, {
    owner: "Bea Baker",
    email: `bea-${tag}@test.local`,
    password: "fresh bread every morning",
    business,
    kind: "Dessert",
    address: "1900 Aldrich St, Austin, TX 78723",
    latitude: "30.2987",
    longitude: "-97.7057",
    phone: "+1 512 555 0123",
    contactEmail: `hello-${tag}@test.local`,
  });
  await owner.getByRole("button", { name: "Create account and apply" }).click();
  await owner.waitForURL(/\/merchant$/);
  await expect(owner.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();
  await owner.goto("/merchant/reports");
  const statement = await owner.locator('a[href*="/statement"]').first().getAttribute("href");
  const merchantId = statement!.match(/\/api\/merchants\/([^/]+)\/statement/)![1];

  // an admin approves it and records its first prepaid top-up
  const admin = await open(browser, baseURL, { viewport: { width: 1366, height: 900 } });
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto("/admin/merchants");
  const card = admin.getByRole("listitem").filter({ hasText: business });
  await card.getByRole("button", { name: "Approve…" }).click();
  await card.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(card).toHaveCount(0);
  await admin.goto(`/admin/accounts/MERCHANT/${merchantId}`);
  await admin.getByLabel("Amount received (US dollars)").fill("50.00");
  await admin.getByLabel("Payment reference").fill(`TRF-${tag}`);
  await admin.getByRole("button", { name: "Record top-up…" }).click();
  await admin.getByRole("button", { name: "Record top-up", exact: true }).click();
  await expect(admin.getByText(`Recorded: $50.00 for ${business}.`)).toBeVisible();
  await admin.context().close();

  // the owner connects Square as a new sandbox seller
  await owner.goto("/merchant/square");
  await owner.getByRole("button", { name: "Connect Square" }).click();
  await owner.waitForURL(/\/oauth2\/authorize\?/);
  await owner.getByLabel("A new sandbox seller named").check();
  await owner.getByLabel("New seller's business name").fill(business);
  await owner.getByRole("button", { name: "Allow" }).click();
  await owner.waitForURL(/\/merchant\/square\?connected=1$/);
  const square = owner.getByRole("region", { name: "Square" });
  await expect(square.getByText("Connected", { exact: true })).toBeVisible();
  await expect(square.getByText("1900 Aldrich St, Austin, TX 78723")).toBeVisible();
  await snapBoth(owner, testInfo, "journey-01-square-connected");

  // and makes an offer
  await owner.goto("/merchant/offers/new");
  await owner.getByLabel("Title").fill("Cardamom bun");
  await owner.getByLabel("Description").fill("A warm cardamom bun, baked this morning.");
  await owner.getByLabel("Price in Nova").fill("300");
  await owner.getByRole("button", { name: "Create offer" }).click();
  await owner.waitForURL(/\/merchant\/offers$/);
  await expect(owner.getByRole("row", { name: /Cardamom bun/ }).getByText("Live", { exact: true })).toBeVisible();

  // a driver charges at Mueller, a few minutes' walk away
  const driver = await open(browser, baseURL, {
    ...PHONE,
    geolocation: AT_MUELLER,
    permissions: ["geolocation"],
  });
  await signUpNewDriver(driver, testInfo, "Jordan");
  await connectCar(driver);
  await checkInAtMueller(driver);

  // the shop rings up a sale (the sandbox's register), Square's signed webhooks bring it in
  await owner.goto("/merchant");
  await owner.getByLabel("Amount (USD)").fill("12.40");
  await owner.getByRole("button", { name: "Simulate a purchase" }).click();
  await expect(owner.getByText(/^Sent: Square will deliver order/)).toBeVisible();
  await snapBoth(owner, testInfo, "journey-02-simulated-sale");

  // no phone or card links the sale to one driver: the driver is asked, and says yes
  const question = driver.getByRole("listitem").filter({ hasText: `Was this your $12.40 at ${business}?` });
  await expect(async () => {
    await driver.goto("/app");
    await expect(question).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  await snap(driver, testInfo, "journey-03-driver-question");
  await question.getByRole("button", { name: "Yes, mine" }).click();
  await expect(
    question.getByText("Thanks! Your purchase reward is pending until the store's refund window closes."),
  ).toBeVisible();

  await driver.goto("/app/wallet");
  const pending = driver.getByRole("listitem").filter({ hasText: `Purchase at ${business}` });
  await expect(pending.first()).toContainText(/pending/i);
  await expect(pending.first()).toContainText("$1.50");
  await snap(driver, testInfo, "journey-04-driver-pending");

  await driver.goto("/app/charge");
  await stopCharging(driver);

  // the refund window closes: the reward is the driver's to spend or cash out
  const released = driver
    .getByRole("listitem")
    .filter({ hasText: `Purchase at ${business}: the refund window has closed` });
  await expect(async () => {
    await driver.goto("/app/wallet");
    await expect(released).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 200_000, intervals: [5_000] });
  await snap(driver, testInfo, "journey-05-driver-available");
  await driver.context().close();

  // the report shows the visit, the purchase and what it cost, to the cent
  await owner.goto("/merchant/reports");
  const figures = owner.locator('dl[aria-label="Report figures"]');
  const stat = (label: string) => figures.locator("div").filter({ has: owner.locator("dt", { hasText: label }) });
  await expect(stat("Charging visits").locator("dd").first()).not.toHaveText("0");
  await expect(stat("Matched purchases").locator("dd").first()).toHaveText("1");
  await expect(stat("Matched purchases")).toContainText("$12.40 in sales");
  await expect(stat("Reward and fee cost").locator("dd").first()).toHaveText("$1.80");
  await expect(stat("Reward and fee cost")).toContainText("$1.50 to drivers, $0.30 Nerava fee");
  await expect(owner.locator(".recharts-surface").first()).toBeVisible();
  await snapBoth(owner, testInfo, "journey-06-report");
  await owner.context().close();
});
