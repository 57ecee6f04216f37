import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E_FAKES } from "./fakes-config";
import { blockOutsideRequests, deviceOf, DEMO, signInWithPassword, snap } from "./helpers";
import { assertNoCspViolations, signUpNewDriver } from "./journeys";

test.beforeEach(async ({ page }) => blockOutsideRequests(page));
test.afterEach(assertNoCspViolations);

/**
 * A live program-wide sign-up campaign (the admin's campaign pages are not part of this journey):
 * +300 Nova and the offer unlocked. Ended by the returned function, so no other spec's sign-up is paid.
 */
async function liveSignUpCampaign(name: string, offerId: string) {
  const client = new pg.Client({ connectionString: readFileSync(E2E_FAKES.databaseUrlFile, "utf8").trim() });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [DEMO.admin]);
  const definition = {
    name,
    trigger: "sign_up",
    conditions: { partnerOnly: false, segment: "any", segmentDays: 30 },
    limits: { startsAt: new Date(Date.now() - 3_600_000).toISOString() },
    effects: [
      { kind: "bonus_nova", nova: 300 },
      { kind: "unlock_offer", offerId },
    ],
  };
  const id = randomUUID();
  await client.query(
    `INSERT INTO "Campaign" ("id", "name", "trigger", "status", "createdById", "updatedAt")
     VALUES ($1, $2, 'sign_up', 'LIVE', $3, now())`,
    [id, name, rows[0].id],
  );
  await client.query(
    `INSERT INTO "CampaignVersion" ("id", "campaignId", "version", "definition", "createdById") VALUES ($1, $2, 1, $3, $4)`,
    [randomUUID(), id, JSON.stringify(definition), rows[0].id],
  );
  return async () => {
    await client.query(`UPDATE "Campaign" SET "status" = 'ENDED', "updatedAt" = now() WHERE "id" = $1`, [id]);
    await client.end();
  };
}

test("a merchant's campaign-only offer: hidden from everyone, unlocked for the new driver a campaign names", async ({
  browser,
  page,
}, testInfo) => {
  if (deviceOf(testInfo) === "phone") await page.setViewportSize({ width: 390, height: 844 });
  const tag = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const title = `Secret pastry ${tag}`;
  await signInWithPassword(page, DEMO.merchant, /\/merchant$/);
  await page.goto("/merchant/offers/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("One pastry from the secret menu.");
  await page.getByLabel("Price in Nova").fill("120");
  await page.getByLabel("Only for drivers a campaign unlocks it for").check();
  const preview = page.getByRole("list", { name: "Offer preview" });
  await expect(preview.getByText("Unlocked by a campaign")).toBeVisible();
  await snap(page, testInfo, "campaign-unlock-01-merchant-form");
  await page.getByRole("button", { name: "Create offer" }).click();
  await page.waitForURL(/\/merchant\/offers$/);
  await expect(page.getByRole("row", { name: new RegExp(title) }).getByText("Campaign only")).toBeVisible();
  await snap(page, testInfo, "campaign-unlock-02-merchant-list");
  const offerId = await page.getByRole("link", { name: `Edit ${title}` }).getAttribute("href");

  const name = `Welcome ${tag}`;
  const endCampaign = await liveSignUpCampaign(name, offerId!.split("/")[3]);
  try {
    const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const driver = await context.newPage();
    await blockOutsideRequests(driver);
    await driver.goto("/app");
    await expect(driver.getByRole("heading", { name: "Offers near you" })).toBeVisible();
    await expect(driver.getByRole("heading", { name: title })).toHaveCount(0);
    await signUpNewDriver(driver, testInfo, "Unlocker");
    const card = driver.getByRole("listitem").filter({ has: driver.getByRole("heading", { name: title }) });
    await expect(card.getByText(`Unlocked by ${name}`)).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await snap(driver, testInfo, "campaign-unlock-03-driver-home");
    await card.screenshot({ path: `test-results/screenshots/campaign-unlock-03-card-${deviceOf(testInfo)}.png` });
    await driver.goto("/app/wallet");
    const line = driver.getByRole("listitem").filter({ hasText: `${name}, +300 Nova + an offer unlocked` });
    await expect(line).toBeVisible();
    await line.screenshot({ path: `test-results/screenshots/campaign-unlock-04-line-${deviceOf(testInfo)}.png` });
    await snap(driver, testInfo, "campaign-unlock-04-driver-wallet");
    await context.close();
  } finally {
    await endCampaign();
  }
});
