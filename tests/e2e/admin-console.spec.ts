import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { blockOutsideRequests, DEMO, recordCspViolations, signInWithPassword } from "./helpers";
import { fillBusinessSignUp } from "./journeys";

// The admin console end to end, desktop project only (screenshots set their own sizes): a business is
// approved with a reason and its offer goes live for drivers, then suspended; the program dashboard's
// charts render and follow the range; the audit log is searched and exported; the kill switches say
// what they do. Serial: the audit search reads the approval the first test makes.
test.describe.configure({ mode: "serial" });

const tag = Date.now().toString(36);
const business = `Console Bakery ${tag}`;
const offer = `Console croissant ${tag}`;
const csp: string[][] = [];
test.afterEach(() => {
  for (const v of csp.splice(0)) expect(v, "CSP violations").toEqual([]);
});

async function device(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await blockOutsideRequests(page);
  csp.push(recordCspViolations(page));
  return page;
}

/** Screenshots at 1280 and 390 px; at 390 nothing may be wider than the screen (tables scroll in their box). */
async function shots(page: Page, name: string) {
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300); // charts redraw on resize
    await page.screenshot({ path: `test-results/screenshots/admin-${name}-${width}.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${width}px`,
    ).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function changeStatus(admin: Page, move: "Approve" | "Suspend", reason: string, outcome: string) {
  const actions = admin.getByRole("region", { name: "Actions" });
  await actions.getByRole("button", { name: `${move}…` }).click();
  await actions.getByLabel("Reason (kept in the audit log)").fill(reason);
  await actions.getByRole("button", { name: move, exact: true }).click();
  // the page refreshes into the new status; a reload shows it is kept, with the next moves
  await expect(admin.getByRole("main").getByText(outcome, { exact: true }).first()).toBeVisible();
  await admin.reload();
  await expect(admin.getByRole("main").getByText(outcome, { exact: true }).first()).toBeVisible();
}

async function driverSeesOffer(driver: Page, visible: boolean) {
  await driver.goto("/app");
  if (visible) await expect(driver.getByText(offer).first()).toBeVisible();
  else await expect(driver.getByText(offer)).toHaveCount(0);
}

test("an admin approves a pending business with a reason, its offer goes live for drivers, then suspends it", async ({
  browser,
  baseURL,
}) => {
  const owner = await device(browser, baseURL);
  await owner.goto("/merchant/signup");
  await fillBusinessSignUp(owner, {
    owner: "Cam Console",
    email: `cam-${tag}@test.local`,
    password: "console bakery since 2001",
    business,
    kind: "Coffee",
    address: "1800 Aldrich St, Austin, TX 78723",
    latitude: "30.2990",
    longitude: "-97.7060",
    phone: "+1 512 555 0142",
    contactEmail: `hello-${tag}@test.local`,
  });
  await owner.getByRole("button", { name: "Create account and apply" }).click();
  await owner.waitForURL(/\/merchant$/);
  await owner.goto("/merchant/offers/new");
  await owner.getByLabel("Title").fill(offer);
  await owner.getByLabel("Description").fill("One butter croissant.");
  await owner.getByLabel("Price in Nova").fill("10");
  await owner.getByRole("button", { name: "Create offer" }).click();
  await owner.waitForURL(/\/merchant\/offers$/);

  const driver = await device(browser, baseURL);
  await signInWithPassword(driver, DEMO.driver, /\/app/);
  await driverSeesOffer(driver, false); // pending: not for drivers yet

  const admin = await device(browser, baseURL);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto(`/admin/merchants?q=${encodeURIComponent(business)}`);
  await expect(admin.getByRole("link", { name: business }).first()).toBeVisible();
  await shots(admin, "merchants");
  await admin.getByRole("link", { name: business }).first().click();
  await admin.waitForURL(/\/admin\/merchants\/\w+$/);
  await changeStatus(admin, "Approve", "Bakery licence and address checked.", "Active");
  await driverSeesOffer(driver, true);

  await changeStatus(admin, "Suspend", "Owner asked to pause while renovating.", "Suspended");
  await driverSeesOffer(driver, false);
  await shots(admin, "merchant-page");
});

test("the program dashboard draws its charts and follows the range", async ({ browser, baseURL }) => {
  const admin = await device(browser, baseURL);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.getByRole("link", { name: "Program dashboard" }).click();
  await admin.waitForURL(/\/admin\/dashboard$/);
  await expect(admin.getByRole("heading", { level: 1, name: "Program dashboard" })).toBeVisible();
  const charts = admin.getByTestId("dashboard-chart");
  await expect(charts).toHaveCount(4);
  for (const chart of await charts.all()) await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  // the numbers behind each chart sit in a closed <details> until asked for
  const novaDays = admin.locator('[aria-label="Nova per day"] tr');
  await expect(novaDays).toHaveCount(31); // a header and 30 days
  await shots(admin, "dashboard");

  await admin.getByRole("link", { name: "Last 7 days" }).click();
  await admin.waitForURL(/days=7/);
  await expect(admin.getByText(/\(7 days,/)).toBeVisible();
  await expect(admin.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await expect(novaDays).toHaveCount(8);
  await expect(admin.getByTestId("dashboard-chart").locator("svg.recharts-surface")).not.toHaveCount(0);
  // the numbers are one click away
  await admin.getByText("Show the numbers").first().click();
  await expect(admin.getByRole("region", { name: "Nova per day" })).toBeVisible();

  await admin.getByLabel("From", { exact: true }).fill("2026-11-20");
  await admin.getByLabel("To", { exact: true }).fill("2026-11-10");
  await admin.getByRole("button", { name: "Show range" }).click();
  await expect(
    admin.getByRole("alert").filter({ hasText: "The start date must be on or before the end date." }),
  ).toBeVisible();
  await expect(admin.getByText(/\(30 days,/)).toBeVisible();
});

test("the audit log is searched by action and exported as CSV", async ({ browser, baseURL }) => {
  const admin = await device(browser, baseURL);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto("/admin/audit");
  await admin.getByLabel("Action").fill("merchant.approve");
  await admin.getByRole("button", { name: "Search" }).click();
  await admin.waitForURL(/action=merchant\.approve/);
  await expect(admin.getByText("merchant.approve").first()).toBeVisible();
  await shots(admin, "audit");

  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toBe("id,time_utc,action,actor_id,actor_email,target_type,target_id,metadata,ip,request_id");
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.includes(",merchant.approve,"))).toBe(true);
  expect(rows.some((r) => r.includes("Bakery licence and address checked."))).toBe(true);
});

test("the kill switch page says what each switch does", async ({ browser, baseURL }) => {
  const admin = await device(browser, baseURL);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto("/admin/flags");
  const cards = admin.getByRole("main").getByRole("listitem");
  // polled: the console's loading skeleton can still stand after goto returns (React reveals the
  // streamed page a moment later), and a single count then read none
  await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(4);
  for (const card of await cards.all()) {
    await expect(card.getByRole("heading", { level: 2 })).toHaveText(/^[A-Z_]+$/);
    await expect(card.getByText(/^Off: /)).toBeVisible();
  }
  await expect(admin.getByText("Nobody new can join.", { exact: false })).toBeVisible();
  await shots(admin, "flags");
  // scrolled to the end of this long page on a short laptop screen, the sections are still in view
  // from the top, on their white column
  await admin.setViewportSize({ width: 1280, height: 600 });
  await admin.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const sections = admin.getByRole("navigation", { name: "Admin sections" });
  await expect(sections.getByRole("link", { name: "Overview" })).toBeInViewport();
  const columnAtBottom = await admin.evaluate(() => {
    // beside the links, inside the column, at the bottom of the screen
    let el = document.elementFromPoint(234, window.innerHeight - 5);
    while (el && getComputedStyle(el).backgroundColor === "rgba(0, 0, 0, 0)") el = el.parentElement;
    return el ? getComputedStyle(el).backgroundColor : null;
  });
  expect(columnAtBottom).toBe("rgb(255, 255, 255)");
});
