import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { blockOutsideRequests, budget, DEMO, signInWithPassword } from "./helpers";

// The driver's "Check a statement" page, at phone size (390 px wide): the wallet statement as
// downloaded matches; an edited copy is named at the edited line, a line with a cell appended too;
// a file of the header alone is nothing to check; a file past 2 MB is refused
// before it is sent. The demo driver only reads here; its phase moves nothing of its ledger
// (playwright.config.ts). Screenshots of both verdicts at phone and desktop size.

test.beforeEach(async ({ page }) => blockOutsideRequests(page));

const SHOTS = "test-results/screenshots";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

async function check(page: Page, file: string) {
  await page.getByLabel("Statement file (CSV)").setInputFiles(file);
  await page.getByRole("button", { name: "Check statement" }).click();
}

/** Both sizes of the page as it stands, back at phone size afterwards. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);
}

test("a driver checks the wallet statement they downloaded, then an edited copy", async ({ page }, testInfo) => {
  test.setTimeout(budget(120_000)); // eight full-page screenshots, three of them at desktop size
  await page.setViewportSize(PHONE);
  await signInWithPassword(page, DEMO.driver, /\/app/, "/app/wallet");
  await page.goto("/app/wallet");
  await page.getByRole("heading", { name: "Activity" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/statement-check-wallet-links-phone.png` });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const original = testInfo.outputPath("wallet.csv");
  await (await download).saveAs(original);
  const rows = readFileSync(original, "utf8").trimEnd().split("\n");
  expect(rows.length).toBeGreaterThan(2);

  await page.getByRole("link", { name: "Check a statement" }).click();
  await page.waitForURL(/\/app\/wallet\/verify$/);
  await expect(page.getByRole("heading", { name: "Check a statement", level: 1 })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "no sideways scrolling at 390 px").toBeLessThanOrEqual(PHONE.width);

  await check(page, original);
  const verdict = page.locator("[aria-live=polite]").filter({ has: page.getByRole("note") });
  await expect(verdict).toContainText(`All ${(rows.length - 1).toLocaleString("en-US")} lines match the ledger.`);
  await shoot(page, "statement-check-match");

  // the amount of the second entry (file line 3) raised by one
  // columns found by name (amount_minor came last): those before the reason counted from the start,
  // those after it from the end, since a reason may hold a quoted comma
  const header = rows[0].split(",");
  const cells = rows[2].split(",");
  const entryId = cells.at(header.indexOf("entry") - header.length);
  const amount = header.indexOf("amount");
  cells[amount] = cells[amount].replace(/\d+/, (n) => String(Number(n) + 1));
  const edited = testInfo.outputPath("wallet-edited.csv");
  writeFileSync(edited, [...rows.slice(0, 2), cells.join(","), ...rows.slice(3)].join("\n") + "\n");
  await check(page, edited);
  await expect(verdict).toContainText("This statement differs from the ledger, first at line 3.");
  await expect(verdict).toContainText(`Entry${entryId}`);
  // a Nova line's amount is whole (-300), a dollar line's has cents (3.00): either may be the newest
  await expect(verdict).toContainText(/amount is '?-?\d+(\.\d+)? here but -?\d+(\.\d+)? in the ledger/);
  await expect(verdict).toContainText("No further problems.");
  await shoot(page, "statement-check-differs");

  // a formula appended to an untouched line is named, and a long cell does not widen the page
  const appended = testInfo.outputPath("wallet-appended.csv");
  const formula = `"=HYPERLINK(""http://evil.example/${"x".repeat(300)}"",""click"")"`;
  writeFileSync(appended, [rows[0], `${rows[1]},${formula}`, ...rows.slice(2)].join("\n") + "\n");
  await check(page, appended);
  await expect(verdict).toContainText("this line has 15 cells where a statement line has 14: it was edited");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: `${SHOTS}/statement-check-edited-line-phone.png`, fullPage: true });

  // the header alone proves nothing either way: a neutral answer, not a green match
  const headerOnly = testInfo.outputPath("wallet-header-only.csv");
  writeFileSync(headerOnly, `${rows[0]}\n`);
  await check(page, headerOnly);
  await expect(verdict).toContainText("This statement has no lines, so there is nothing to check.");
  await expect(verdict).not.toContainText("match the ledger");
  await page.screenshot({ path: `${SHOTS}/statement-check-header-only-phone.png`, fullPage: true });

  // a file past 2 MB is refused here with a sentence, before it is sent
  await page.getByLabel("Statement file (CSV)").setInputFiles({
    name: "huge.csv",
    mimeType: "text/csv",
    buffer: Buffer.alloc(2 * 1024 * 1024 + 1, "a"),
  });
  await expect(page.getByText("This file is larger than 2 MB, so it is not one of our statements.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Check statement" })).toBeDisabled();
});
