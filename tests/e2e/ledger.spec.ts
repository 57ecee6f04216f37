import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type Browser, type Locator, type Page, type TestInfo } from "@playwright/test";
import { E2E_FAKES } from "./fakes-config";
import { blockOutsideRequests, budget, DEMO, signInWithPassword, snap } from "./helpers";

// Runs at phone size (the config keeps it out of the desktop project) against a database other
// specs also write, so it compares balances before and after instead of expecting absolute
// numbers, and redeems the taco combo, which has no per-driver limit.
const TACO = "Breakfast taco combo";
const MERCHANT = "Mueller Market Coffee";

test.beforeEach(async ({ page }) => blockOutsideRequests(page));

/** The whole number in an element such as "✦ 1,350 Nova". */
async function novaIn(locator: Locator): Promise<number> {
  return Number((await locator.innerText()).replace(/[^\d]/g, ""));
}

const nova = (n: number) => n.toLocaleString("en-US");

/** A second person on their own device (the project's screen size), signed in. */
async function signedInPage(
  browser: Browser,
  baseURL: string | undefined,
  testInfo: TestInfo,
  email: string,
  landing: RegExp,
): Promise<Page> {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
  const page = await context.newPage();
  await blockOutsideRequests(page);
  await signInWithPassword(page, email, landing);
  return page;
}

/** The newest mail to `to` with this subject, sent at or after `since` (the SMTP sink's files). */
async function waitForMail(to: string, subject: string, since: number): Promise<{ text: string }> {
  for (let i = 0; i < 50; i++) {
    for (const file of readdirSync(E2E_FAKES.mailDir).sort().reverse()) {
      const mail = JSON.parse(readFileSync(`${E2E_FAKES.mailDir}/${file}`, "utf8"));
      if (Number(file.split("-")[0]) >= since && mail.to.includes(to) && mail.subject === subject) return mail;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to}: ${subject}`);
}

async function grant(admin: Page, amount: number, reason: string) {
  await admin.goto("/admin/grants");
  await admin.getByLabel("Find the driver").fill(DEMO.driver);
  await admin.getByRole("button", { name: "Search" }).click();
  await admin.waitForURL(/\/admin\/grants\?q=/);
  await admin.getByRole("radio", { name: new RegExp(DEMO.driver.replace(/\./g, "\\.")) }).check();
  await admin.getByLabel("Amount (Nova)").fill(String(amount));
  await admin.getByLabel("Reason").fill(reason);
}

test("grant → redeem → confirm at the counter → balances and statements agree", async ({
  page: driver,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(budget(240_000)); // the longest journey: three people, 20 screenshots; over 2 minutes on a loaded CI machine
  const tag = `${testInfo.project.name} ${Date.now().toString(36)}`;

  // A signed-out driver who taps Redeem is sent to sign in and back to the offers.
  await driver.goto("/app");
  const tacoCard = driver.getByRole("listitem").filter({ has: driver.getByRole("heading", { name: TACO }) });
  await tacoCard.getByRole("link", { name: /Redeem/ }).click();
  await expect(driver).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)app$/);
  await driver.getByLabel("Email").fill(DEMO.driver);
  await driver.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await driver.getByRole("button", { name: "Sign in", exact: true }).click();
  await driver.waitForURL((url) => url.pathname === "/app");

  await driver.goto("/app/wallet");
  const available = driver.getByTestId("nova-available");
  const before = await novaIn(available);

  const merchant = await signedInPage(browser, baseURL, testInfo, DEMO.merchant, /\/merchant$/);
  await merchant.goto("/merchant/reports");
  const receivedBefore = await novaIn(merchant.getByTestId("nova-received"));

  // 1. The admin grants 1,000 Nova.
  const admin = await signedInPage(browser, baseURL, testInfo, DEMO.admin, /\/admin$/);
  await grant(admin, 1000, `Welcome bonus ${tag}`);
  await snap(admin, testInfo, "ledger-01-admin-grant-form");
  const grantKey = admin.locator('input[name="idempotencyKey"]');
  const firstKey = await grantKey.inputValue();
  await admin.getByRole("button", { name: "Grant Nova" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Granted ✦ 1,000 Nova to Maya Chen." })).toBeVisible();
  // the next grant from this page is a new request: the form came back with a new key
  await expect(grantKey).not.toHaveValue(firstKey);
  await snap(admin, testInfo, "ledger-02-admin-granted");
  const grantHref = await admin.getByRole("link", { name: "View the transaction" }).getAttribute("href");
  expect(grantHref).toMatch(/^\/admin\/ledger\/\w+$/);

  // 2. The driver sees it, with the reason.
  await driver.reload();
  await expect(available).toContainText(nova(before + 1000));
  await expect(driver.getByText(`Granted by admin: Welcome bonus ${tag}`)).toBeVisible();
  await snap(driver, testInfo, "ledger-03-driver-wallet-granted");

  // 3. The driver redeems the taco combo: a confirm step, then the code page.
  await driver.goto("/app");
  await tacoCard.getByRole("button", { name: /Redeem/ }).click();
  await expect(tacoCard.getByText("Hold ✦ 650 Nova for 15 minutes and show a code to the cashier?")).toBeVisible();
  await snap(driver, testInfo, "ledger-04-driver-redeem-confirm");
  await tacoCard.getByRole("button", { name: "Get my code" }).click();
  await driver.waitForURL(/\/app\/codes\/\w+$/);
  const code = (await driver.getByTestId("redemption-code").innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(driver.getByRole("img", { name: `QR code for ${code}` })).toBeVisible();
  await expect(driver.getByRole("timer")).toHaveText(/^1[45]:\d\d$/);
  await snap(driver, testInfo, "ledger-05-driver-code");

  // 4. The merchant confirms it at the counter (typed in lower case, as staff might).
  await merchant.goto("/merchant/redeem");
  await merchant.getByLabel("Redemption code").fill(code.toLowerCase());
  await merchant.getByRole("button", { name: "Confirm code" }).click();
  await expect(merchant.getByText(`Confirmed: ${TACO} — ✦ 650 Nova`)).toBeVisible();
  await expect(merchant.getByLabel("Redemption code")).toHaveValue("");
  await snap(merchant, testInfo, "ledger-06-merchant-confirmed");

  // The same code again is refused.
  await merchant.getByLabel("Redemption code").fill(code);
  await merchant.getByRole("button", { name: "Confirm code" }).click();
  await expect(merchant.getByRole("alert").filter({ hasText: "This code was already used." })).toBeVisible();
  await snap(merchant, testInfo, "ledger-07-merchant-code-used");

  // 5. The driver's code page turns to "Redeemed ✓" on its own, and the wallet agrees.
  await expect(driver.getByText("Redeemed ✓")).toBeVisible({ timeout: 15_000 });
  await snap(driver, testInfo, "ledger-08-driver-code-redeemed");
  await driver.goto("/app/wallet");
  await expect(available).toContainText(nova(before + 1000 - 650));
  await expect(driver.getByText(`Redeemed “${TACO}” at ${MERCHANT}`).first()).toBeVisible();
  await snap(driver, testInfo, "ledger-09-driver-wallet-after");
  const csv = await driver.request.get("/api/wallet/statement");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="nerava-wallet-\d{4}-\d\d-\d\d\.csv"$/);
  expect(await csv.text()).toContain(`Granted by admin: Welcome bonus ${tag}`);

  await driver.goto("/app/codes");
  await expect(driver.getByRole("link", { name: new RegExp(TACO) }).first()).toContainText("Redeemed ✓");
  await snap(driver, testInfo, "ledger-10-driver-codes");
  // 6. Paying without an offer: the pass page shows a single-use spend code, which the cashier types.
  await driver.goto("/app/pass");
  await expect(driver.getByRole("img", { name: "Your spend code QR" })).toBeVisible();
  const spendCode = (await driver.getByTestId("spend-code").innerText()).trim();
  expect(spendCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(driver.getByRole("timer")).toHaveText(/^0:[0-4]\d$/);
  await snap(driver, testInfo, "ledger-11-driver-pass");

  await merchant.goto("/merchant/redeem");
  const spendField = merchant.getByLabel("Spend code", { exact: true });
  const takeNova = async (code: string, amount: number) => {
    await spendField.fill(code);
    await merchant.getByLabel("Amount (Nova)").fill(String(amount));
    await merchant.getByRole("button", { name: "Take Nova…" }).click();
    await merchant.getByRole("button", { name: `Take ✦ ${amount} Nova` }).click();
  };
  // a pass (its QR or serial) only identifies the driver: it cannot pay
  await takeNova("NERAVA-PASS:AbCdEfGhIjKlMnOp", 100);
  await expect(
    merchant.getByRole("alert").filter({ hasText: "cannot pay. Ask for the spend code in their Nerava app" }),
  ).toBeVisible();
  await snap(merchant, testInfo, "ledger-11a-merchant-pass-refused");
  const spentAt = Date.now();
  await takeNova(spendCode.toLowerCase(), 100);
  await expect(merchant.getByText("Took ✦ 100 Nova from the driver’s wallet.")).toBeVisible();
  const notice = await waitForMail(DEMO.driver, `You paid 100 Nova at ${MERCHANT}`, spentAt - 1000);
  expect(notice.text).toMatch(/Not me\? Report it: http:\/\/127\.0\.0\.1:\d+\/app\/wallet#tx-\w+/);
  await expect(spendField).toHaveValue("");
  await snap(merchant, testInfo, "ledger-11b-merchant-spent");
  // the code the cashier has seen cannot pay again
  await takeNova(spendCode, 100);
  await expect(merchant.getByRole("alert").filter({ hasText: "This spend code was already used." })).toBeVisible();

  // The driver sees the payment, and can report it.
  await driver.goto("/app/wallet");
  await expect(available).toContainText(nova(before + 1000 - 650 - 100));
  const payment = driver
    .getByRole("listitem")
    .filter({ hasText: `Spent at ${MERCHANT}` })
    .first();
  await payment.getByRole("button", { name: "Not me? Report it" }).click();
  await expect(payment.getByText(`Report “Spent at ${MERCHANT}” as a payment you did not make?`)).toBeVisible();
  await payment.getByRole("button", { name: "Report payment" }).click();
  await expect(payment.getByRole("status").filter({ hasText: "Reported: our team is looking into it." })).toBeVisible();
  await snap(driver, testInfo, "ledger-11c-driver-wallet-reported");

  // 7. The merchant's reports show the Nova received; its CSV is its own only.
  await merchant.goto("/merchant/reports");
  await expect(merchant.getByTestId("nova-received")).toContainText(nova(receivedBefore + 650 + 100));
  await expect(merchant.getByRole("region", { name: "Recent confirmations" }).getByText(TACO).first()).toBeVisible();
  await snap(merchant, testInfo, "ledger-12-merchant-reports");
  const merchantCsvHref = await merchant.getByRole("link", { name: "Download statement CSV" }).getAttribute("href");
  const merchantCsv = await merchant.request.get(merchantCsvHref!);
  expect(merchantCsv.status()).toBe(200);
  expect(await merchantCsv.text()).toContain(`Redeemed “${TACO}” at ${MERCHANT}`);
  expect((await merchant.request.get("/api/merchants/someone-else/statement")).status()).toBe(404);
  expect((await driver.request.get(merchantCsvHref!)).status()).toBe(403);

  // 8. The admin sees the reported payment, and the ledger is consistent and shows both sides.
  await admin.goto("/admin");
  const reported = admin.getByRole("list", { name: "Reported payments" });
  await expect(reported.getByRole("link", { name: `✦ 100 Nova at ${MERCHANT}` }).first()).toBeVisible();
  await snap(admin, testInfo, "ledger-12a-admin-reported-payments");
  await admin.goto("/admin/ledger");
  await expect(admin.getByText(/^Ledger is consistent: [\d,]+ transactions, [\d,]+ accounts\.$/)).toBeVisible();
  await snap(admin, testInfo, "ledger-13-admin-ledger");
  await admin.goto(grantHref!);
  await expect(admin.getByRole("heading", { level: 1, name: "Grant" })).toBeVisible();
  await snap(admin, testInfo, "ledger-14-admin-transaction");
  await admin.getByRole("link", { name: "Maya Chen" }).click();
  await admin.waitForURL(/\/admin\/accounts\/DRIVER\/\w+$/);
  await expect(admin.getByText(`Redeemed “${TACO}” at ${MERCHANT}`).first()).toBeVisible();
  await snap(admin, testInfo, "ledger-15-admin-account");
  expect((await admin.request.get("/api/admin/accounts/PLATFORM/platform/statement")).status()).toBe(422);
  const adminCsv = await admin.request.get(
    `${new URL(admin.url()).pathname.replace("/admin/accounts", "/api/admin/accounts")}/statement`,
  );
  expect(adminCsv.status()).toBe(200);
  expect(adminCsv.headers()["content-disposition"]).toMatch(/^attachment;/);

  await merchant.context().close();
  await admin.context().close();
});

test("an admin reverses a grant, and the kill switch stops grants", async ({ page: admin }, testInfo) => {
  test.setTimeout(budget(90_000));
  const tag = `${testInfo.project.name} ${Date.now().toString(36)}`;
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);

  // A double submit of the same form (same idempotency key) grants once.
  await grant(admin, 25, `Granted in error ${tag}`);
  await admin
    .locator("form")
    .filter({ has: admin.getByRole("button", { name: "Grant Nova" }) })
    .evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
  await expect(admin.getByRole("status").filter({ hasText: /granted:? ✦ 25 Nova to Maya Chen\./i })).toBeVisible();
  await admin.goto("/admin/ledger");
  await expect(admin.getByRole("link", { name: `Granted by admin: Granted in error ${tag}` })).toHaveCount(1);
  await admin.getByRole("link", { name: `Granted by admin: Granted in error ${tag}` }).click();
  await admin.waitForURL(/\/admin\/ledger\/\w+$/);
  await admin.getByLabel("Reason for reversing").fill("Wrong driver");
  await admin.getByRole("button", { name: "Reverse…" }).click();
  await expect(admin.getByText(/^Reverse “Grant: Granted by admin: Granted in error/)).toBeVisible();
  await snap(admin, testInfo, "ledger-16-admin-reverse-confirm");
  await admin.getByRole("button", { name: "Reverse transaction" }).click();
  await expect(admin.getByRole("link", { name: "Reversed by admin: Wrong driver" })).toBeVisible();
  await snap(admin, testInfo, "ledger-17-admin-reversed");

  await admin.goto("/admin/flags");
  const grantsFlag = admin
    .getByRole("listitem")
    .filter({ has: admin.getByRole("heading", { name: "NOVA_GRANTS_ENABLED" }) });
  await grantsFlag.getByRole("button", { name: "Turn off NOVA_GRANTS_ENABLED" }).click();
  await expect(grantsFlag.getByText(/Turn off NOVA_GRANTS_ENABLED\? Every admin grant will be refused/)).toBeVisible();
  await snap(admin, testInfo, "ledger-18-admin-flag-confirm");
  await grantsFlag.getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(grantsFlag.getByText("Off", { exact: true })).toBeVisible();
  try {
    await grant(admin, 5, `Should be refused ${tag}`);
    await expect(admin.getByText("Grants are switched off, so this form will be refused.")).toBeVisible();
    await admin.getByRole("button", { name: "Grant Nova" }).click();
    await expect(admin.getByRole("alert").filter({ hasText: "Nova grants are switched off right now." })).toBeVisible();
    await snap(admin, testInfo, "ledger-19-admin-grant-refused");
  } finally {
    await admin.goto("/admin/flags");
    await grantsFlag.getByRole("button", { name: "Turn on NOVA_GRANTS_ENABLED" }).click();
    await expect(grantsFlag.getByText("On", { exact: true })).toBeVisible();
  }
  await snap(admin, testInfo, "ledger-20-admin-flags");
});
