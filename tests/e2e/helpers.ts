import { devices, type Page, type TestInfo } from "@playwright/test";

/**
 * The phone every spec emulates: Pixel 7's layout (412 px, touch, mobile user agent) at one device pixel
 * per CSS pixel. At its 2.625 Chromium's software renderer painted (and every screenshot encoded) about
 * seven times the pixels: full-page screenshots were a third of the longest journey on an idle machine.
 */
export const PHONE = { ...devices["Pixel 7"], deviceScaleFactor: 1 };

/**
 * The device a project stands for, "phone" or "desktop" (playwright.config.ts): several projects
 * share a device (they split the specs into lanes), so the project's own name is not it.
 */
export function deviceOf(testInfo: TestInfo): "phone" | "desktop" {
  return testInfo.project.metadata.device;
}

/**
 * A test's time budget (test.setTimeout), doubled under CI: on a slower machine of the same kind, with
 * the integration tests beside the browsers (as npm test then ran them), the longest journeys ran out of
 * their budget with every step merely slow (a full-page screenshot up to 13 s).
 */
export const budget = (ms: number): number => (process.env.CI ? ms * 2 : ms);

/** Full-page screenshot kept under test-results/screenshots/<name>-<device>.png. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}-${deviceOf(testInfo)}.png`, fullPage: true });
}

/** Map tiles and other outside requests cannot load here; fail fast instead of waiting. */
export async function blockOutsideRequests(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
}

/**
 * Collects the browser's Content-Security-Policy complaints for this page (Chromium logs each
 * refused script, style, image or connection as a console error naming the policy).
 */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

export const DEMO = {
  driver: "driver@nerava.demo",
  merchant: "merchant@nerava.demo",
  admin: "admin@nerava.demo",
  password: "nerava-demo-2026",
};

/** Signs in through the real password form and waits for the landing page. */
export async function signInWithPassword(
  page: Page,
  email: string,
  landing: RegExp,
  callbackUrl?: string,
  password = DEMO.password,
): Promise<void> {
  await page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(landing);
}
