// Journeys several specs share: a fresh device, a new driver, a connected car and a charging
// session at Mueller (the e2e server verifies after a few seconds of phone dwell).
import { expect, type Browser, type BrowserContextOptions, type Page, type TestInfo } from "@playwright/test";
import { blockOutsideRequests, recordCspViolations, snap } from "./helpers";

export const CHARGER = "Mueller Town Center";
export const AT_MUELLER = { latitude: 30.3029, longitude: -97.7062, accuracy: 10 };

/** A fresh device of the project's kind (Pixel 7 or desktop), optionally sharing its location. */
export async function device(
  browser: Browser,
  baseURL: string | undefined,
  testInfo: TestInfo,
  location?: BrowserContextOptions["geolocation"],
): Promise<Page> {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
  const context = await browser.newContext({
    baseURL,
    viewport,
    userAgent,
    deviceScaleFactor,
    isMobile,
    hasTouch,
    ...(location ? { geolocation: location, permissions: ["geolocation"] } : {}),
  });
  const page = await context.newPage();
  await blockOutsideRequests(page);
  const violations = recordCspViolations(page);
  cspChecks.push(() => expect(violations, "CSP violations").toEqual([]));
  return page;
}

// Each device page these journeys open must run under the CSP without a refusal.
const cspChecks: Array<() => void> = [];
/** For a spec's afterEach: each device page opened must have run under the CSP without a refusal. */
export function assertNoCspViolations() {
  for (const check of cspChecks.splice(0)) check();
}

export async function signUpNewDriver(page: Page, testInfo: TestInfo, who: string): Promise<string> {
  const tag = `${testInfo.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const name = `${who} ${tag}`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${who.toLowerCase().replace(/\W+/g, "-")}-${tag}@e2e.nerava.test`);
  await page.getByLabel("Password", { exact: true }).fill("charging journey e2e");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/app");
  return name;
}

/**
 * Car tab → Connect → Smartcar Connect's consent page (the real SDK against the local fake: production
 * runs no simulated car) → Allow → back with the car's reading. The fake's cars charge at Mueller.
 */
export async function connectCar(page: Page, testInfo?: TestInfo) {
  await page.goto("/app/car");
  await expect(page.getByText("a simulated car stands in for a real car maker")).toHaveCount(0);
  await page.getByRole("link", { name: "Connect your car" }).click();
  await page.waitForURL(/\/oauth\/authorize\?/);
  await expect(page.getByRole("heading", { name: "Allow Nerava to access your vehicle?" })).toBeVisible();
  if (testInfo) await snap(page, testInfo, "charging-01-consent");
  await page.getByRole("link", { name: "Allow" }).click();
  await page.waitForURL(/\/app\/car\?connected=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Car connected." })).toBeVisible();
  const car = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "2023 Tesla Model 3" }) });
  await expect(car.getByRole("definition").filter({ hasText: /^\d{1,3}%$/ })).toBeVisible();
  await expect(car.getByText(/^Read just now$/)).toBeVisible();
  if (testInfo) await snap(page, testInfo, "charging-02-car");
}

export async function checkInAtMueller(page: Page) {
  // the list view: the map's accessible equivalent, with a check-in button per charger
  await page.goto("/app/charge?view=list");
  const mueller = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: CHARGER }) });
  await mueller.getByRole("button", { name: /Check in here/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: CHARGER })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^\d+:\d\d$/);
}

export async function stopCharging(page: Page) {
  await page.getByRole("button", { name: "Stop charging" }).click();
  await expect(page.getByText(`Stop charging at ${CHARGER}?`)).toBeVisible();
  await page.getByRole("button", { name: "Stop and verify" }).click();
  await expect(page.getByRole("heading", { name: /Charging stopped|Session verified/ })).toBeVisible();
}

/**
 * A new driver's verified charging session at Mueller: the cash reward (VERIFY_REWARD_CENTS, $2.00
 * here) becomes available once the job queue confirms it. Returns the driver's name.
 */
export async function earnCashReward(page: Page, testInfo: TestInfo, who: string): Promise<string> {
  const name = await signUpNewDriver(page, testInfo, who);
  await connectCar(page);
  await checkInAtMueller(page);
  await page.waitForTimeout(8_000);
  await stopCharging(page);
  await page.goto("/app/cash-out");
  const available = page.getByText("Available to cash out").locator("xpath=following-sibling::p[1]");
  await expect(async () => {
    await page.reload();
    expect(await available.innerText()).toBe("$2.00");
  }).toPass({ timeout: 45_000, intervals: [2_000] });
  return name;
}

export type BusinessSignUp = {
  owner: string;
  email: string;
  password: string;
  business: string;
  kind: string;
  address: string;
  latitude: string;
  longitude: string;
  phone: string;
  contactEmail: string;
};

/** Fills the business sign-up form at /merchant/signup; the caller submits (some specs expect a refusal). */
export async function fillBusinessSignUp(page: Page, f: BusinessSignUp) {
  await page.getByLabel("Your name").fill(f.owner);
  await page.getByLabel("Email", { exact: true }).fill(f.email);
  await page.getByLabel("Password").fill(f.password);
  await page.getByLabel("Business name").fill(f.business);
  await page.getByLabel("Kind of business").selectOption(f.kind);
  await page.getByLabel("Street address").fill(f.address);
  await page.getByLabel("Latitude").fill(f.latitude);
  await page.getByLabel("Longitude").fill(f.longitude);
  await page.getByLabel("Contact phone").fill(f.phone);
  await page.getByLabel("Contact email").fill(f.contactEmail);
}
