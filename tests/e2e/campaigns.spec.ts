import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createDb } from "../../lib/db/client";
import { E2E_FAKES } from "./fakes-config";
import { blockOutsideRequests, budget, DEMO, recordCspViolations, signInWithPassword, snap } from "./helpers";
import {
  AT_MUELLER,
  assertNoCspViolations,
  checkInAtMueller,
  CHARGER,
  connectCar,
  device,
  signUpNewDriver,
  stopCharging,
} from "./journeys";

// Issue 16's journey, phone project only (the admin's and merchant's screenshots set their own sizes):
// an admin creates an off-peak campaign whose hours cover the time the spec runs (on the business
// zone's clock), simulates it, launches it; a new driver charges at Mueller and finds the bonus line
// naming the campaign; the admin sees the award and ends the campaign. The campaign lives only while
// this spec runs (ended at its end, and by afterAll should a step fail), so the other charging specs'
// amounts never see it.

const ZONE = "America/Chicago";
const tag = Date.now().toString(36);
const PREFIX = "E2E off-peak";
const name = `${PREFIX} ${tag}`;
const csp: string[][] = [];
test.afterEach(() => {
  for (const v of csp.splice(0)) expect(v, "CSP violations").toEqual([]);
  assertNoCspViolations();
});
test.afterAll(async () => {
  const db = createDb(readFileSync(E2E_FAKES.databaseUrlFile, "utf8").trim(), 1);
  await db.campaign.updateMany({
    where: { name: { startsWith: PREFIX }, status: { not: "ENDED" } },
    data: { status: "ENDED" },
  });
  await db.$disconnect();
});

/** A window from the hour before now to two hours after, on the zone's clock ("13:00"–"16:00"). */
function offPeakAroundNow() {
  const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: ZONE, hour: "2-digit", hourCycle: "h23" }).format());
  const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
  return { start: hh(hour - 1), end: hh(hour + 2) };
}

async function consolePage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  // a laptop, whatever the project's device
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
  });
  const page = await context.newPage();
  await blockOutsideRequests(page);
  csp.push(recordCspViolations(page));
  return page;
}

/** Screenshots at 1280 and 390 px; at 390 nothing may be wider than the screen (tables scroll in their box). */
async function shots(page: Page, shot: string) {
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header stays at the top of a full-page shot
    await page.waitForTimeout(200);
    await page.screenshot({ path: `test-results/screenshots/campaigns-${shot}-${width}.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${shot} at ${width}px`,
    ).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const novaOf = (text: string) => Number(text.match(/\+✦\s*([\d,]+)/)?.[1].replace(/,/g, "") ?? NaN);

test("an admin simulates and launches an off-peak campaign; a driver charging in its window sees the bonus line", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(budget(240_000));
  const admin = await consolePage(browser, baseURL);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.getByRole("link", { name: "Campaigns" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: "Night owl bonus" })).toContainText("Paused");
  await shots(admin, "01-admin-list");

  // the demo's own campaign has a month of the demo drivers' charging to replay (the probe saw "Replayed 0 triggers")
  await admin.getByRole("link", { name: "Night owl bonus" }).click();
  const demoSim = admin.getByRole("region", { name: "Simulator", exact: true });
  await demoSim.getByRole("button", { name: /^Simulate version/ }).click();
  const demoResult = demoSim.getByRole("region", { name: "Simulation result", exact: true });
  await expect(demoResult.getByText(/^Replayed [1-9][\d,]* triggers from /)).toBeVisible();
  await expect(demoResult.getByRole("definition").filter({ hasText: /^✦ [1-9][\d,]* Nova$/ })).toBeVisible();
  await shots(admin, "01b-admin-night-owl-simulated");
  await admin.goto("/admin/campaigns");

  // the form: hours around now on Chicago's clock, a 2× multiplier; a factor not in tenths is refused in words
  const window = offPeakAroundNow();
  await admin.getByRole("link", { name: "New campaign" }).click();
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("From (time)").fill(window.start);
  await admin.getByLabel("Until (time)").fill(window.end);
  await admin.getByLabel("Time zone").selectOption(ZONE);
  await admin.getByLabel("Per driver, per day (optional)").fill("1");
  await admin.getByLabel("Effect 1").selectOption("multiplier");
  await admin.getByLabel("Factor").fill("2.25");
  await admin.getByRole("button", { name: "Create as a draft" }).click();
  await expect(admin.getByText("Effect 1 must be a factor in tenths, such as 1.5 or 2.")).toBeVisible();
  // what was chosen stays chosen on screen (and in what the next submit sends)
  await expect(admin.getByLabel("Effect 1")).toHaveValue("multiplier");
  await expect(admin.getByLabel("Time zone")).toHaveValue(ZONE);
  await shots(admin, "02-admin-new-refused");
  await admin.getByLabel("Factor").fill("2");
  await admin.getByRole("button", { name: "Create as a draft" }).click();
  await admin.waitForURL(/\/admin\/campaigns\/\w+\?created=1$/);
  await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();
  const rules = admin.getByRole("region", { name: "Rules (version 1)", exact: true });
  await expect(
    rules.getByText(`Between ${window.start} and ${window.end}, ${ZONE} time`, { exact: false }),
  ).toBeVisible();
  await expect(rules.getByText("2× the Nova the session earns")).toBeVisible();
  await shots(admin, "03-admin-detail-draft");

  // simulate before launch: the totals of the last 30 days, by the rule code that pays
  const simulator = admin.getByRole("region", { name: "Simulator", exact: true });
  await simulator.getByRole("button", { name: "Simulate version 1" }).click();
  const result = simulator.getByRole("region", { name: "Simulation result", exact: true });
  await expect(result.getByText(/^Replayed \d+ triggers? from /)).toBeVisible();
  await expect(result.getByRole("definition").filter({ hasText: /^✦ [\d,]+ Nova$/ })).toBeVisible();
  await shots(admin, "04-admin-simulated");

  // launch, after the confirm step says what it means
  const status = admin.getByRole("region", { name: "Status", exact: true });
  await status.getByRole("button", { name: "Launch…" }).click();
  await expect(status.getByText(`Put “${name}” live?`, { exact: false })).toBeVisible();
  await status.getByRole("button", { name: "Launch", exact: true }).click();
  await expect(status.getByRole("button", { name: "Pause…" })).toBeVisible();
  await expect(admin.getByRole("main").getByText("Live", { exact: true })).toBeVisible();

  // a new driver charges at Mueller now: inside the window
  const driver = await device(browser, baseURL, testInfo, AT_MUELLER);
  const driverName = await signUpNewDriver(driver, testInfo, "Campaign Driver");
  await connectCar(driver);
  await checkInAtMueller(driver);
  await driver.waitForTimeout(8_000);
  await stopCharging(driver);
  await driver.goto("/app/wallet");
  const activity = driver.getByRole("list", { name: "Wallet activity" });
  const bonusLine = activity.getByRole("listitem").filter({ hasText: `${name}, 2× Nova` });
  await expect(async () => {
    await driver.reload();
    await expect(bonusLine).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  const base = activity
    .getByRole("listitem")
    .filter({ hasText: `Charging at ${CHARGER}` })
    .filter({ hasText: "(pending verification)" })
    .filter({ hasText: "✦" });
  const bonus = novaOf(await bonusLine.innerText());
  expect(bonus).toBeGreaterThan(0);
  expect(bonus).toBe(novaOf(await base.innerText())); // 2×: the bonus equals the session's own Nova
  await bonusLine.scrollIntoViewIfNeeded();
  await snap(driver, testInfo, "campaigns-05-driver-wallet");

  // the admin sees the award with the driver and the statement line; a replay of today pays the same
  await admin.reload();
  const award = admin
    .getByRole("region", { name: "Awards", exact: true })
    .getByRole("row")
    .filter({ hasText: driverName });
  await expect(award).toContainText(`${name}, 2× Nova`);
  await admin.getByLabel("Days to replay").fill("1");
  await simulator.getByRole("button", { name: "Simulate version 1" }).click();
  const earner = result.getByRole("row").filter({ hasText: driverName });
  await expect(earner).toBeVisible();
  await expect(earner.getByRole("cell").nth(2)).toHaveText(bonus.toLocaleString("en-US"));
  await shots(admin, "06-admin-awarded");

  // end it: other specs' charging amounts must not see it
  await status.getByRole("button", { name: "End…" }).click();
  await expect(status.getByText("This cannot be undone", { exact: false })).toBeVisible();
  await status.getByRole("button", { name: "End", exact: true }).click();
  await expect(status.getByText("An ended campaign has nothing left to change.")).toBeVisible();
  await expect(status.getByRole("button", { name: /switch/i })).toHaveCount(0); // no kill switch once ended
  await expect(admin.getByRole("main").getByText("Ended", { exact: true })).toBeVisible();
  await admin.context().close();
  await driver.context().close();
});

test("a shop owner sees the shop's campaigns and may only reward what happens at the shop", async ({
  browser,
  baseURL,
}) => {
  const owner = await consolePage(browser, baseURL);
  await signInWithPassword(owner, DEMO.merchant, /\/merchant/);
  await owner.getByRole("link", { name: "Campaigns" }).first().click();
  await expect(owner.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  await expect(owner.getByText("Night owl bonus")).toHaveCount(0); // program-wide: Nerava's, not the shop's
  await shots(owner, "07-merchant-list");
  await owner.getByRole("link", { name: "New campaign" }).first().click();
  await expect(owner.getByRole("heading", { level: 1, name: "New campaign" })).toBeVisible();
  const triggers = await owner.getByLabel("Trigger").locator("option").allInnerTexts();
  expect(triggers).toEqual(["A purchase at a partner is verified", "An offer is redeemed at a partner"]);
  await expect(owner.getByLabel("Only at these chargers (optional)")).toHaveCount(0);
  await shots(owner, "08-merchant-new");
  await owner.context().close();
});
