import type { Page, TestInfo } from "@playwright/test";

/** Full-page screenshot kept under test-results/screenshots/<name>-<project>.png. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}-${testInfo.project.name}.png`, fullPage: true });
}

/** Map tiles and other outside requests cannot load here; fail fast instead of waiting. */
export async function blockOutsideRequests(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
}
