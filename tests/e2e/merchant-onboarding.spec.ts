import { expect, test, type Browser, type TestInfo } from "@playwright/test";
import { blockOutsideRequests, deviceOf, DEMO, recordCspViolations, signInWithPassword, snap } from "./helpers";
import { fillBusinessSignUp } from "./journeys";

const cspViolations: string[][] = [];
test.afterEach(() => {
  for (const v of cspViolations.splice(0)) expect(v, "CSP violations").toEqual([]);
});

/** A fresh device: the phone project at 390px wide (a common narrow phone), desktop at its 1366px. */
async function device(browser: Browser, baseURL: string | undefined, testInfo: TestInfo) {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
  const phone = deviceOf(testInfo) === "phone";
  const context = await browser.newContext({
    baseURL,
    viewport: phone ? { width: 390, height: 844 } : viewport,
    userAgent,
    deviceScaleFactor,
    isMobile,
    hasTouch,
  });
  const page = await context.newPage();
  await blockOutsideRequests(page);
  cspViolations.push(recordCspViolations(page));
  return page;
}

test("a business signs up, waits for review, is approved by an admin and sees its dashboard", async ({
  browser,
  baseURL,
}, testInfo) => {
  const tag = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const businessName = `Corner Coffee ${tag}`;
  const owner = await device(browser, baseURL, testInfo);

  await owner.goto("/merchant/signup");
  await expect(owner.getByRole("heading", { name: "Sign up your business" })).toBeVisible();
  await snap(owner, testInfo, "merchant-signup");
  // a wrong value is explained in a sentence next to its field
  await fillBusinessSignUp(owner, {
    owner: "Cora Owner",
    email: `cora-${tag}@test.local`,
    password: "corner coffee since 1998",
    business: businessName,
    kind: "Coffee",
    address: "1911 Aldrich St, Austin, TX 78723",
    latitude: "300",
    longitude: "-97.7054",
    phone: "+1 512 555 0199",
    contactEmail: `hello-${tag}@test.local`,
  });
  await owner.getByRole("button", { name: "Create account and apply" }).click();
  await expect(owner.getByText("The latitude must be between -90 and 90.")).toBeVisible();
  await owner.getByLabel("Latitude").fill("30.2981");
  await owner.getByLabel("Password").fill("corner coffee since 1998");
  await owner.getByRole("button", { name: "Create account and apply" }).click();

  await owner.waitForURL(/\/merchant$/);
  await expect(owner.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();
  await snap(owner, testInfo, "merchant-pending");
  await owner.goto("/merchant/redeem");
  await expect(owner.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();

  await owner.goto("/merchant/team");
  await owner.getByLabel("Email").fill(`barista-${tag}@test.local`);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to barista-${tag}@test.local.`)).toBeVisible();
  await expect(owner.getByRole("heading", { name: "Open invitations (1)" })).toBeVisible();
  await snap(owner, testInfo, "merchant-team");
  // nothing on the page is wider than the phone (a long email once pushed the cards off-screen)
  expect(await owner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    owner.viewportSize()!.width,
  );

  const admin = await device(browser, baseURL, testInfo);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto("/admin/merchants");
  const card = admin.getByRole("listitem").filter({ hasText: businessName });
  await card.getByRole("button", { name: "Approve…" }).click();
  await card.getByRole("button", { name: "Approve", exact: true }).click();
  // approved, it leaves the review list and shows as active among the newest merchants
  await expect(card).toHaveCount(0);
  await expect(admin.getByRole("row").filter({ hasText: businessName })).toContainText("Active");

  await owner.goto("/merchant");
  await expect(owner.getByText("Live offers")).toBeVisible();
  await expect(owner.getByRole("heading", { name: "Waiting for approval" })).toHaveCount(0);
  await snap(owner, testInfo, "merchant-approved");
});
