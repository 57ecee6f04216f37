import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { blockOutsideRequests, DEMO, signInWithPassword, snap } from "./helpers";
import { FARM, FARM_IP } from "./risk-scenario";

// The admin's abuse journey on the scripted farm (risk-scenario.ts): find the abuser, run the
// rules, review the evidence in the queue, void one flag and suspend on the other; then reverse a
// grant with a reason from a driver's page. Desktop only (it decides flags once per server); the
// phone-size screenshots are taken by narrowing the same page.
test.beforeEach(async ({ page }) => blockOutsideRequests(page));

async function bothSizes(page: Page, testInfo: TestInfo, name: string) {
  await snap(page, testInfo, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/${name}-phone-width.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function openDriver(page: Page, email: string) {
  await page.goto("/admin/drivers");
  await page.getByLabel("Search drivers").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: new RegExp(email.split("@")[0].replace(".", " "), "i") }).click();
  await page.waitForURL(/\/admin\/drivers\/\w+$/);
}

async function decide(page: Page, ruleLabel: string, button: string, confirm: string, reason: string, outcome: string) {
  await page.goto("/admin/risk");
  await page
    .getByRole("row", { name: new RegExp(ruleLabel) })
    .getByRole("link", { name: FARM[0] })
    .click();
  await page.waitForURL(/\/admin\/risk\/\w+$/);
  await page.getByLabel("Reason for the decision").fill(reason);
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("button", { name: confirm }).click();
  // the page refreshes into the decided flag: its outcome and the reason
  await expect(page.getByText(new RegExp(`^Decided:? ${outcome}.*${reason}|^Decided: ${outcome}`))).toBeVisible();
}

test("an admin finds a scripted abuser, reviews the evidence, voids and suspends, and reverses a grant", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInWithPassword(page, DEMO.admin, /\/admin$/);

  await openDriver(page, FARM[0]);
  await page.getByRole("button", { name: "Run the rules now" }).click();
  // the server's risk sweep (every 5 minutes) may have raised the farm's flags already: the rules
  // find the two signals either way, and the queue below shows both flags once
  await expect(
    page.getByRole("status").filter({ hasText: /2 rule\(s\) found something; [02] new flag\(s\) raised/ }),
  ).toBeVisible();
  await bothSizes(page, testInfo, "admin-risk-01-driver");

  await page.getByRole("link", { name: "Review queue" }).click();
  await expect(page.getByRole("row", { name: /Shared network address/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /GPS teleport/ })).toBeVisible();
  await bothSizes(page, testInfo, "admin-risk-02-queue");

  await page
    .getByRole("row", { name: /Shared network address/ })
    .getByRole("link", { name: FARM[0] })
    .click();
  await expect(page.getByText(`Address: ${FARM_IP}`)).toBeVisible();
  for (const other of FARM.slice(1)) await expect(page.getByRole("link", { name: other })).toBeVisible();
  await bothSizes(page, testInfo, "admin-risk-03-evidence");
  await decide(
    page,
    "Shared network address",
    "Void rewards…",
    "Void rewards",
    "Account farm on one address",
    "voided",
  );

  await decide(page, "GPS teleport", "Suspend driver…", "Suspend driver", "Spoofed location", "suspended");
  await openDriver(page, FARM[0]);
  await expect(page.getByText("Suspended", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/GPS teleport \(suspended\)/)).toBeVisible();

  // a grant to another farm account, reversed from that driver's page with a reason
  await page.goto("/admin/grants");
  await page.getByLabel("Find the driver").fill(FARM[1]);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("radio", { name: new RegExp(FARM[1].replace(/\./g, "\\.")) }).check();
  await page.getByLabel("Amount (Nova)").fill("40");
  await page.getByLabel("Reason").fill("Referral bonus");
  await page.getByRole("button", { name: "Grant Nova" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Granted/ })).toBeVisible();

  await openDriver(page, FARM[1]);
  await page.locator("summary", { hasText: "Reverse…" }).first().click();
  await page.getByLabel("Reason for reversing").fill("Farm account");
  await page.getByRole("button", { name: "Reverse…" }).click();
  await page.getByRole("button", { name: "Reverse transaction" }).click();
  await expect(page.getByRole("cell", { name: "reversed" }).first()).toBeVisible();
  await expect(page.getByText("Reversed by admin: Farm account")).toBeVisible();
  await bothSizes(page, testInfo, "admin-risk-04-reversed");

  await page.goto("/admin/risk/rules");
  await expect(page.getByRole("heading", { name: "Earn then cash out" })).toBeVisible();
  await bothSizes(page, testInfo, "admin-risk-05-rules");
});
