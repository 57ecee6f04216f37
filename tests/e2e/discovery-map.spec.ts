import { expect, test, type Browser, type BrowserContextOptions, type Page, type TestInfo } from "@playwright/test";
import { blockOutsideRequests, budget, DEMO, deviceOf, recordCspViolations, signInWithPassword, snap } from "./helpers";
import { AT_MUELLER, CHARGER, fillBusinessSignUp, signUpNewDriver } from "./journeys";

// The driver's map on the charge tab, at a 390px phone (the desktop project runs it at its size).
// The e2e server sets no MAP_TILE_URL: the markers stand on a plain background, and any outside
// request is refused anyway. The six demo chargers are the whole map.

const checks: Array<() => void> = [];
test.afterEach(() => {
  for (const check of checks.splice(0)) check();
});

async function phone(
  browser: Browser,
  baseURL: string | undefined,
  testInfo: TestInfo,
  geo?: BrowserContextOptions["geolocation"],
) {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
  const context = await browser.newContext({
    baseURL,
    viewport: deviceOf(testInfo) === "phone" ? { width: 390, height: 844 } : viewport,
    userAgent,
    deviceScaleFactor,
    isMobile,
    hasTouch,
    ...(geo ? { geolocation: geo, permissions: ["geolocation"] } : {}),
  });
  const page = await context.newPage();
  await blockOutsideRequests(page);
  const csp = recordCspViolations(page);
  const errors: string[] = [];
  const alerts: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("dialog", (d) => {
    alerts.push(d.message());
    void d.dismiss();
  });
  const tiles: string[] = [];
  page.on("request", (req) => {
    if (req.resourceType() === "image" && !req.url().startsWith(baseURL ?? "http://127.0.0.1")) tiles.push(req.url());
  });
  checks.push(() => {
    expect(csp, "CSP violations").toEqual([]);
    expect(errors, "page errors").toEqual([]);
    expect(alerts, "alerts").toEqual([]);
    expect(tiles, "tile requests").toEqual([]);
  });
  return page;
}

/** Chargers drawn on the map: single markers plus the chargers each cluster holds. */
const markersOnMap = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelectorAll(".nerava-pin").length +
      [...document.querySelectorAll(".nerava-cluster [data-count]")].reduce(
        (n, el) => n + Number(el.getAttribute("data-count")),
        0,
      ),
  );

/** What the phone's screen shows with the map scrolled into the middle (a full-page shot puts the tab bar over it). */
async function mapShot(page: Page, testInfo: TestInfo, name: string) {
  await page.locator(".leaflet-container").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: `test-results/screenshots/${name}-${deviceOf(testInfo)}.png` });
}

const count = (page: Page) => page.getByTestId("charger-count");

async function openMap(page: Page) {
  await page.goto("/app/charge");
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expect(count(page)).toHaveText("6 chargers in this area");
  await expect.poll(() => markersOnMap(page)).toBe(6);
}

test("the map shows the chargers on a plain background; filters, the list and the sheet use the same answer", async ({
  browser,
  baseURL,
}, testInfo) => {
  const page = await phone(browser, baseURL, testInfo);
  await signUpNewDriver(page, testInfo, "Map Driver");
  await openMap(page);
  await expect(page.locator(".leaflet-tile")).toHaveCount(0);
  // partners are drawn differently from the others
  await expect(page.locator(".nerava-pin--plain").first()).toBeVisible();
  await mapShot(page, testInfo, "discovery-01-map");

  // a marker opens the charger's sheet: a labelled dialog, Esc closes it and focus goes back
  const marker = page.getByRole("button", { name: `${CHARGER} (partner)` });
  await marker.click();
  const sheet = page.getByRole("dialog", { name: CHARGER });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("heading", { name: CHARGER })).toBeFocused();
  await expect(sheet).toContainText("Electrify America");
  await expect(sheet).toContainText("350 kW");
  await expect(sheet).toContainText("1801 E 51st St, Austin, TX 78723");
  // scoped to its own item: another journey's business (a bakery filed as Coffee) may be as near
  const coffee = sheet
    .getByRole("region", { name: "Perks a short walk away" })
    .getByRole("listitem")
    .filter({ has: page.getByText("Mueller Market Coffee", { exact: true }) });
  await expect(coffee).toHaveCount(1);
  await expect(coffee.getByText(/^Coffee · ≈ \d+ min walk$/)).toBeVisible();
  const drip = sheet.getByRole("list", { name: "Offers at Mueller Market Coffee" }).getByRole("listitem").first();
  await expect(drip).toContainText("Free drip coffee");
  await expect(drip).toContainText("300");
  await expect(sheet.getByRole("button", { name: `Check in here at ${CHARGER}` })).toBeVisible();
  // other places (Google) as a list with Google's credit, a name with markup as plain text
  const also = sheet.getByRole("region", { name: "Also nearby" });
  await expect(also.getByText("<img src=x onerror=alert(1)> Taqueria", { exact: true })).toBeVisible();
  await expect(also.getByText("Mueller Lake Park", { exact: true })).toBeVisible();
  await expect(also.getByText("Places from Google Maps")).toBeVisible();
  await expect(also.getByRole("link", { name: /Directions to Mueller Lake Park/ })).toHaveAttribute(
    "href",
    /google\.com\/maps/,
  );
  await expect(sheet.locator("img[src=x]")).toHaveCount(0);
  await snap(page, testInfo, "discovery-02-sheet");
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect(marker).toBeFocused();

  // filters: NACS leaves The Domain and South Congress; partners only leaves The Domain
  await page.getByRole("button", { name: "Filters" }).click();
  await page.getByLabel("Connector").selectOption("NACS");
  await expect(count(page)).toHaveText("2 chargers in this area");
  await expect.poll(() => markersOnMap(page)).toBe(2);
  await page.getByRole("button", { name: "Partners only" }).click();
  await expect(count(page)).toHaveText("1 charger in this area");
  await expect.poll(() => markersOnMap(page)).toBe(1);
  await expect(page.getByRole("button", { name: "The Domain Northside (partner)" })).toBeVisible();
  await mapShot(page, testInfo, "discovery-03-filters");
  await page.getByRole("button", { name: "Clear filters (2)" }).click();
  await page.getByLabel("Power").selectOption("150");
  await expect(count(page)).toHaveText("3 chargers in this area");
  await expect.poll(() => markersOnMap(page)).toBe(3);

  // the list shows the same answer, and opens the same sheet
  await page.getByRole("button", { name: "List" }).click();
  await expect(page).toHaveURL(/view=list/);
  const list = page.getByRole("list", { name: "Chargers in this area" });
  // ordered by distance from the map's centre; the same three chargers as on the map
  await expect(list.getByRole("heading", { level: 3 })).toHaveCount(3);
  expect((await list.getByRole("heading", { level: 3 }).allInnerTexts()).sort()).toEqual([
    "Mueller Town Center",
    "South Congress Hub",
    "The Domain Northside",
  ]);
  await page.getByRole("button", { name: "Clear filters (1)" }).click();
  await expect(list.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) })).toHaveCount(6);
  await snap(page, testInfo, "discovery-04-list");
  await list.getByRole("button", { name: "Details and perks for North Lamar Market" }).click();
  const lamar = page.getByRole("dialog", { name: "North Lamar Market" });
  await expect(lamar.getByText("Lamar Greens Grocery")).toBeVisible();
  await expect(lamar.getByText("Free kombucha")).toBeVisible();
  await snap(page, testInfo, "discovery-05-sheet-from-list");
  await lamar.getByRole("button", { name: "Close" }).click();
  await expect(lamar).toHaveCount(0);

  // search within what is loaded: a shop's name finds the charger beside it
  await page.getByRole("button", { name: "Map" }).click();
  await expect.poll(() => markersOnMap(page)).toBe(6);
  await page.getByRole("searchbox", { name: /Search chargers/ }).fill("tacos");
  await page
    .getByRole("list", { name: "Places found" })
    .getByRole("button", { name: /Aldrich Street Tacos/ })
    .click();
  await expect(page.getByRole("dialog", { name: CHARGER })).toBeVisible();
  await page.context().close();
});

test("a merchant named with markup shows as text, and checking in from the sheet starts a session", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(budget(120_000));
  const tag = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const shop = `<img src=x onerror=alert(1)>Taco ${tag}`;
  const offer = `<b>Free</b> churro ${tag}`;

  // a business a few steps from Mueller signs up with that name, is approved and posts an offer
  const owner = await phone(browser, baseURL, testInfo);
  await owner.goto("/merchant/signup");
  await fillBusinessSignUp(owner, {
    owner: "Mallory Markup",
    email: `mallory-${tag}@test.local`,
    password: "markup is just text here",
    business: shop,
    kind: "Restaurant",
    address: "1800 E 51st St, Austin, TX 78723",
    latitude: "30.3033",
    longitude: "-97.7057",
    phone: "+1 512 555 0142",
    contactEmail: `mallory-shop-${tag}@test.local`,
  });
  await owner.getByRole("button", { name: "Create account and apply" }).click();
  await owner.waitForURL(/\/merchant$/);

  const admin = await phone(browser, baseURL, testInfo);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await admin.goto("/admin/merchants");
  const card = admin.getByRole("listitem").filter({ hasText: shop });
  await card.getByRole("button", { name: "Approve…" }).click();
  await card.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(card).toHaveCount(0);
  await admin.context().close();

  await owner.goto("/merchant/offers/new");
  await owner.getByLabel("Title").fill(offer);
  await owner.getByLabel("Description").fill("One churro while you charge.");
  await owner.getByLabel("Price in Nova").fill("200");
  await owner.getByRole("button", { name: "Create offer" }).click();
  await owner.waitForURL(/\/merchant\/offers$/);
  await owner.context().close();

  // the driver sees the name and the offer as the characters they are
  const page = await phone(browser, baseURL, testInfo, AT_MUELLER);
  await signUpNewDriver(page, testInfo, "Sheet Driver");
  await openMap(page);
  await page.getByRole("button", { name: `${CHARGER} (partner)` }).click();
  const sheet = page.getByRole("dialog", { name: CHARGER });
  await expect(sheet.getByText(shop, { exact: true })).toBeVisible();
  await expect(sheet.getByText(offer, { exact: true })).toBeVisible();
  await expect(sheet.locator("img, b")).toHaveCount(0);
  await snap(page, testInfo, "discovery-06-markup-as-text");

  // check in from the sheet: the charge screen takes over; stop so other specs find no session
  await sheet.getByRole("button", { name: `Check in here at ${CHARGER}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: CHARGER })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^\d+:\d\d$/);
  await snap(page, testInfo, "discovery-07-checked-in");
  // no car and seconds of dwell: the session ends unverified, which is all this needs
  await page.getByRole("button", { name: "Stop charging" }).click();
  await page.getByRole("button", { name: "Stop and verify" }).click();
  await expect(page.getByRole("heading", { name: /Charging stopped|Session (not )?verified/ })).toBeVisible();
  await page.context().close();
});

test("near me: the driver's position on the map when shared, a clear message when refused", async ({
  browser,
  baseURL,
}, testInfo) => {
  const refused = await phone(browser, baseURL, testInfo);
  await signUpNewDriver(refused, testInfo, "No Location Driver");
  await openMap(refused);
  await refused.getByRole("button", { name: "Near me" }).click();
  await expect(refused.getByRole("alert").filter({ hasText: "Location is blocked for Nerava" })).toBeVisible();
  await snap(refused, testInfo, "discovery-08-location-refused");
  await refused.context().close();

  const shared = await phone(browser, baseURL, testInfo, AT_MUELLER);
  await signUpNewDriver(shared, testInfo, "Located Driver");
  await openMap(shared);
  await shared.getByRole("button", { name: "Near me" }).click();
  // the position is drawn (two SVG circles) and the map comes to it: Mueller is in view, alone
  await expect(shared.locator(".leaflet-overlay-pane path")).toHaveCount(2);
  await expect.poll(() => markersOnMap(shared)).toBeLessThan(6);
  await expect(shared.getByRole("button", { name: `${CHARGER} (partner)` })).toBeVisible();
  await mapShot(shared, testInfo, "discovery-09-near-me");
  await shared.context().close();
});

// ---- Failures: offline, a refused or dropped nearby request, an empty area ----

const NEARBY = "**/api/discovery/nearby?*";
const RATE_LIMITED = "Too many map requests from this network. Try again in 12 seconds.";

test("offline: a check-in from the sheet, and any other form, says so where it was sent; the page stays", async ({
  browser,
  baseURL,
}, testInfo) => {
  const page = await phone(browser, baseURL, testInfo);
  await signUpNewDriver(page, testInfo, "Offline Driver");
  await page.goto("/app/charge?view=list");
  const list = page.getByRole("list", { name: "Chargers in this area" });
  await expect(list.getByRole("heading", { level: 3 })).toHaveCount(6);

  await page.context().setOffline(true);
  await list.getByRole("button", { name: `Details and perks for ${CHARGER}` }).click();
  const sheet = page.getByRole("dialog", { name: CHARGER });
  await sheet.getByRole("button", { name: `Check in here at ${CHARGER}` }).click();
  // the page stays: the sheet says why nothing happened, the tab bar is still there
  await expect(sheet.getByRole("alert")).toHaveText(/You’re offline\. Check in once you have signal\./);
  await expect(sheet.getByRole("button", { name: `Check in here at ${CHARGER}` })).toBeEnabled();
  await expect(page.getByRole("navigation", { name: "Driver app" })).toBeAttached();
  await expect(page.getByText("It’s on our side")).toHaveCount(0);
  await snap(page, testInfo, "discovery-10-offline-check-in");
  await sheet.getByRole("button", { name: "Close" }).click();

  await page.context().setOffline(false);

  // every other form answers the same way (useFormAction): the account page's email switch, offline,
  // says so in its form and the page stays; back online, the same button works
  await page.goto("/app/account");
  await page.context().setOffline(true);
  await page.getByRole("button", { name: "Turn emails on" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "You’re offline. Try again once you have signal." }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await expect(page.getByText("It’s on our side")).toHaveCount(0);
  await snap(page, testInfo, "discovery-11-offline-form");
  await page.context().setOffline(false);
  await page.getByRole("button", { name: "Turn emails on" }).click();
  await expect(page.getByRole("button", { name: "Turn emails off" })).toBeVisible();
  await page.context().close();
});

test("a failed nearby request: the server's sentence as an alert, no loading line or empty list, and Try again works", async ({
  browser,
  baseURL,
}, testInfo) => {
  const page = await phone(browser, baseURL, testInfo);
  await signUpNewDriver(page, testInfo, "Failing Map Driver");

  // refused (429, not retried): the server's own sentence
  await page.route(NEARBY, (r) =>
    r.fulfill({ status: 429, json: { error: { code: "rate_limited", message: RATE_LIMITED } } }),
  );
  await page.goto("/app/charge?view=list");
  const alert = page.getByRole("alert").filter({ hasText: "Try again" });
  await expect(alert).toContainText(RATE_LIMITED);
  await expect(count(page)).not.toHaveText(/Loading/);
  await expect(page.getByRole("heading", { name: "No chargers here" })).toHaveCount(0);
  await expect(page.getByText("Clear a filter")).toHaveCount(0);
  await snap(page, testInfo, "discovery-12-nearby-refused");

  // Try again asks once more: the answer replaces the alert
  await page.unroute(NEARBY);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(count(page)).toHaveText("6 chargers in this area");
  await expect(
    page.getByRole("list", { name: "Chargers in this area" }).getByRole("heading", { level: 3 }),
  ).toHaveCount(6);
  await expect(alert).toHaveCount(0);

  // a 500 without a sentence, on the map: a generic sentence (after the client's own retries)
  await page.route(NEARBY, (r) => r.fulfill({ status: 500, body: "" }));
  await page.goto("/app/charge");
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expect(alert).toContainText("We couldn’t load chargers for this area.", { timeout: 15_000 });
  await expect(count(page)).not.toHaveText(/Loading/);
  // a dropped connection reads the same
  await page.unroute(NEARBY);
  await page.route(NEARBY, (r) => r.abort("connectionreset"));
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(alert).toContainText("We couldn’t load chargers for this area.", { timeout: 15_000 });
  await expect(count(page)).not.toHaveText(/Loading/);
  await expect(page.getByRole("status").filter({ hasText: "No chargers in this area" })).toHaveCount(0);
  await mapShot(page, testInfo, "discovery-13-nearby-failed-map");
  await page.context().close();
});

test("an area with no chargers: the list suggests moving or zooming out (clearing filters only when set), and the map says so", async ({
  browser,
  baseURL,
}, testInfo) => {
  const page = await phone(browser, baseURL, testInfo);
  await signUpNewDriver(page, testInfo, "Empty Map Driver");
  // whatever box is shown, ask the server about an empty one (open water in the Gulf of Mexico)
  await page.route(NEARBY, (r) => {
    const url = new URL(r.request().url());
    url.searchParams.set("bbox", "25.1,-90.2,25.2,-90.1");
    return r.continue({ url: url.toString() });
  });
  await page.goto("/app/charge?view=list");
  await expect(count(page)).toHaveText("0 chargers in this area");
  const empty = page.getByRole("heading", { name: "No chargers here" }).locator("..");
  await expect(empty).toContainText("zoom out");
  await expect(empty).not.toContainText("Clear a filter");
  await snap(page, testInfo, "discovery-14-empty-list");

  await page.getByRole("button", { name: "Filters" }).click();
  await page.getByLabel("Connector").selectOption("NACS");
  await expect(page.getByRole("button", { name: "Clear filters (1)" })).toBeVisible();
  await expect(empty).toContainText("Clear a filter");

  await page.getByRole("button", { name: "Map" }).click();
  await expect(page.locator(".leaflet-container")).toBeVisible();
  const hint = page.getByRole("status").filter({ hasText: /No charger here matches your filters/ });
  await expect(hint).toBeVisible();
  await page.getByRole("button", { name: "Clear filters (1)" }).click();
  const moveHint = page.getByRole("status").filter({ hasText: /No chargers in this area\. Move the map or zoom out/ });
  await expect(moveHint).toBeVisible();
  await expect.poll(() => markersOnMap(page)).toBe(0);
  await mapShot(page, testInfo, "discovery-15-empty-map");
  await page.context().close();
});
