import { expect, test, type Page } from "@playwright/test";
import { DEMO_EVENT_NAME } from "../../lib/demo/energy-event";
import { seedEndedEvent } from "./energy-event-scenario";
import { blockOutsideRequests, budget, DEMO, signInWithPassword, snap } from "./helpers";

// Energy events end to end: a driver opts in to the demo event and sees it (and its notice); an admin
// creates a pause event (refused first by the form's validation), and drivers are told of it; an
// admin settles an ended event from the car's telemetry and its driver sees the result with its reason.

test.beforeEach(async ({ page }) => blockOutsideRequests(page));

const card = (page: Page, name: string) => page.getByTestId("energy-event").filter({ hasText: name });

test("a driver opts in to the demo energy event and sees it, and its notice", async ({ page }, testInfo) => {
  await signInWithPassword(page, DEMO.driver, /\/app/);
  await page.goto("/app");
  const event = card(page, DEMO_EVENT_NAME);
  await expect(event).toContainText("Earn 10 Nova per kWh");
  // the other screen size's run may have opted in already: start from out
  const optOut = event.getByRole("button", { name: `Opt out of ${DEMO_EVENT_NAME}` });
  if (await optOut.isVisible()) {
    await optOut.click();
    await expect(event.getByRole("button", { name: `Opt in to ${DEMO_EVENT_NAME}` })).toBeVisible();
  }
  await event.getByRole("button", { name: `Opt in to ${DEMO_EVENT_NAME}` }).click();
  await expect(event.getByTestId("energy-event-state")).toContainText("You're in.");
  await expect(event.getByRole("button", { name: `Opt out of ${DEMO_EVENT_NAME}` })).toBeVisible();
  await page.reload();
  await expect(card(page, DEMO_EVENT_NAME).getByTestId("energy-event-state")).toContainText("You're in.");
  await card(page, DEMO_EVENT_NAME).scrollIntoViewIfNeeded();
  await snap(page, testInfo, "energy-events-01-driver-card");

  await page.getByRole("link", { name: /^Notifications/ }).click();
  await page.waitForURL(/\/app\/notifications$/);
  await expect(page.getByTestId("notifications")).toContainText(`Energy event: ${DEMO_EVENT_NAME}`);
  await snap(page, testInfo, "energy-events-02-notifications");

  // email copies are off until the driver turns them on (and back off) on the account page
  await page.getByRole("link", { name: "your account" }).click();
  const emails = page.locator("#email-notices");
  await expect(emails).toContainText("Off: you see campaigns and energy events in the app only.");
  await emails.getByRole("button", { name: "Turn emails on" }).click();
  await expect(emails).toContainText("On: we email you when a campaign or an energy event applies to you.");
  await emails.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "energy-events-06-account-emails");
  await emails.getByRole("button", { name: "Turn emails off" }).click();
  await expect(emails).toContainText("Off:");
});

test("an admin creates a pause event with a validated form, and drivers are told of it", async ({ page }, testInfo) => {
  test.setTimeout(budget(120_000));
  const name = `Peak pause (${testInfo.project.name})`;
  await signInWithPassword(page, DEMO.admin, /\/admin/, "/admin/events");
  await page.goto("/admin/events");
  await page.getByRole("button", { name: "Create and announce" }).click();
  await expect(page.getByText("Give the event a name of 3 to 60 characters.")).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("What drivers do").selectOption("PAUSE");
  await page.getByLabel("Nova", { exact: true }).fill("300");
  await page.getByRole("button", { name: "Create and announce" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Created" })).toContainText(name);
  const row = page.getByRole("row", { name: new RegExp(name.replace(/[()]/g, "\\$&")) });
  await expect(row).toContainText("Upcoming");
  await expect(row).toContainText("17:00–19:00");
  await expect(row).toContainText("Pause · 300 Nova.");
  // the form is ready for the next event, with the charge preset back
  await expect(page.getByLabel("Name")).toHaveValue("");
  await expect(page.getByLabel("From")).toHaveValue("01:00");
  await snap(page, testInfo, "energy-events-03-admin-list");

  await page.context().clearCookies();
  await signInWithPassword(page, DEMO.driver, /\/app/, "/app/notifications");
  await expect(async () => {
    await page.goto("/app/notifications");
    await expect(page.getByTestId("notifications")).toContainText(`Energy event: ${name}`, { timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
});

test("an admin settles an ended event from the car's telemetry; the driver sees the result and its reason", async ({
  page,
}, testInfo) => {
  const { email, name, eventId } = await seedEndedEvent(testInfo.project.name);
  await signInWithPassword(page, DEMO.admin, /\/admin/, `/admin/events/${eventId}`);
  await page.goto(`/admin/events/${eventId}`);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Settle now…" }).click();
  await page.getByRole("button", { name: "Settle now", exact: true }).click();
  await expect(page.getByText("Settled: 1 earned.")).toBeVisible();
  const row = page.getByRole("row", { name: /Grid/ });
  await expect(row).toContainText("Earned");
  await expect(row).toContainText("12.34");
  await expect(row).toContainText(/earned 123 Nova for 12\.34 kWh between \d\d:\d\d and \d\d:\d\d/);
  await snap(page, testInfo, "energy-events-04-admin-detail");

  await page.context().clearCookies();
  await signInWithPassword(page, email, /\/app/);
  await page.goto("/app");
  const result = card(page, name);
  await expect(result.getByTestId("energy-event-state")).toContainText("✦ 123 Nova earned");
  await expect(result.getByTestId("energy-event-state")).toContainText(/Earned 123 Nova for 12\.34 kWh between/);
  await result.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "energy-events-05-driver-result");
});
