import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { blockOutsideRequests, DEMO, signInWithPassword, snap } from "./helpers";

// The demo merchant (Mueller Market Coffee) reads what the program brought, changes the range and downloads it.
test.beforeEach(async ({ page }) => blockOutsideRequests(page));

const SIZES = [
  { name: "reports-390", width: 390, height: 844 },
  { name: "reports-1024-tablet", width: 1024, height: 768 },
  { name: "reports-1366", width: 1366, height: 900 },
];

test("the report shows its figures and charts, follows a preset and downloads as CSV", async ({ page }, testInfo) => {
  await signInWithPassword(page, DEMO.merchant, /\/merchant$/);
  await page.goto("/merchant/reports");
  const report = page.getByTestId("merchant-report");
  await expect(report.getByRole("heading", { name: "What the program brought" })).toBeVisible();
  await expect(report.getByText(/\(30 days,/)).toBeVisible();
  await expect(report.getByRole("term").filter({ hasText: "Charging visits" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Connect Square to see purchases" })).toBeVisible();
  // the statement stays below the report
  await expect(page.getByRole("heading", { name: "Statement" })).toBeVisible();

  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(report.getByText(/\(7 days,/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  const charts = page.getByTestId("report-charts");
  await expect(charts.locator(".recharts-wrapper")).toHaveCount(2);
  await expect(charts.locator(".recharts-wrapper svg").first()).toBeVisible();
  await expect(charts.getByRole("img", { name: /Visits and purchases per day/ })).toBeVisible();

  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expect(charts.locator(".recharts-wrapper svg").first()).toBeVisible();
    // the charts follow the new width once they have measured it
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
        message: `no sideways scroll at ${size.width}px`,
      })
      .toBeLessThanOrEqual(0);
    await snap(page, testInfo, size.name);
  }

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download report CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^nerava-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\n");
  expect(lines[0]).toBe(
    "date,merchant,location,charging_visits,matched_purchases,program_sales_usd,reward_and_fee_cost_usd",
  );
  expect(lines).toHaveLength(1 + 7 + 1);
  expect(lines[8]).toMatch(/^total,Mueller Market Coffee,All locations,\d+,0,0,0$/);

  // a range the report cannot show is explained in a sentence, and the default shown instead
  await page.goto("/merchant/reports?from=2026-05-10&to=2026-05-01");
  await expect(page.getByRole("alert").filter({ hasText: "start date" })).toContainText(
    "The start date must be on or before the end date.",
  );
});
