import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createDb } from "../../lib/db/client";
import { E2E_FAKES } from "./fakes-config";
import { DEMO, signInWithPassword } from "./helpers";
import { assertNoCspViolations, device } from "./journeys";

// The hostile probe's long name: 60 characters with no space, in the kill switch's confirm question
// on a 390 px phone. The question wraps inside its box; nothing is wider than the screen.
// Phone project only. The campaign stays a draft (it never pays) and is ended at the end.

const PREFIX = "E2E-confirm-";
const name = `${PREFIX}${Date.now().toString(36)}`.padEnd(60, "W");
test.afterEach(() => assertNoCspViolations());
test.afterAll(async () => {
  const db = createDb(readFileSync(E2E_FAKES.databaseUrlFile, "utf8").trim(), 1);
  await db.campaign.updateMany({
    where: { name: { startsWith: PREFIX }, status: { not: "ENDED" } },
    data: { status: "ENDED" },
  });
  await db.$disconnect();
});

test("the kill switch's confirm question wraps a 60-character name with no spaces at 390 px", async ({
  browser,
  baseURL,
}, testInfo) => {
  expect(name).toHaveLength(60);
  const admin = await device(browser, baseURL, testInfo);
  await admin.setViewportSize({ width: 390, height: 844 });
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto("/admin/campaigns/new");
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Effect 1").selectOption("multiplier");
  await admin.getByLabel("Factor").fill("2");
  await admin.getByRole("button", { name: "Create as a draft" }).click();
  await admin.waitForURL(/\/admin\/campaigns\/\w+\?created=1$/);

  const status = admin.getByRole("region", { name: "Status", exact: true });
  await status.getByRole("button", { name: "Switch off…" }).click();
  const question = status.getByText(`Switch off “${name}”?`, { exact: false });
  await expect(question).toBeVisible();
  await question.scrollIntoViewIfNeeded();
  await admin.screenshot({ path: "test-results/screenshots/campaign-confirm-390.png" });

  // the question's text stays inside its own box, and its box inside the screen
  const fits = await question.evaluate((p) => ({
    text: p.scrollWidth <= p.clientWidth,
    right: p.getBoundingClientRect().right,
    page: document.documentElement.scrollWidth,
  }));
  expect(fits.text, "the question's text is wider than its box").toBe(true);
  expect(fits.right).toBeLessThanOrEqual(390);
  expect(fits.page).toBeLessThanOrEqual(390);
  await admin.context().close();
});
