import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { blockOutsideRequests, budget, DEMO, signInWithPassword } from "./helpers";

// A layout is not a guard: in the App Router a layout and its page render in parallel, so every
// page checks the permission itself before it reads anything. Each page under /admin and
// /merchant is requested over plain HTTP (no browser, no client-side redirects to hide behind)
// by someone who must not see it, as a document and as an RSC request, and its data must not be
// anywhere in the answer.

const OTHER_MERCHANT = { email: "tacos@nerava.demo", name: "Aldrich Street Tacos" };
const DEMO_MERCHANT = ["Mueller Market Coffee", "Free drip coffee", "Breakfast taco combo", "1911 Aldrich St"];

type World = {
  cookies: { driver: string; admin: string; otherMerchant: string; demoMerchant: string };
  muellerId: string;
  claimDriver: { id: string; name: string };
  claimId: string;
  transactionId: string;
  grantReason: string;
};

let world: World;

// Plain HTTP requests: the screen size changes nothing, so only the desktop project runs this file
// (playwright.config.ts).

/**
 * A signed-in person's page and session cookie. Password sign-ins count against the per-IP
 * sign-in limit the whole suite shares (every request here comes from one address), so the demo
 * driver signs in with Google (the sandbox issuer) instead.
 */
async function signedIn(browser: Browser, baseURL: string, email: string, landing: RegExp) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await blockOutsideRequests(page);
  if (email === DEMO.driver) {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Continue with Google" }).click();
    await page.getByRole("button", { name: new RegExp(DEMO.driver) }).click();
    await page.waitForURL(landing);
  } else await signInWithPassword(page, email, landing);
  const session = (await context.cookies()).find((c) => c.name.endsWith("nerava.session"));
  if (!session) throw new Error(`no session cookie for ${email}`);
  return { page, cookie: `${session.name}=${session.value}` };
}

/** A fresh driver checks in without a car or location, stops, and files a claim for the unverified session. */
async function driverWithClaim(browser: Browser, baseURL: string, tag: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await blockOutsideRequests(page);
  await page.goto("/signup");
  await page.getByLabel("Name").fill(`Guarded Claimant ${tag}`);
  await page.getByLabel("Email").fill(`guarded-${tag}@e2e.nerava.test`);
  await page.getByLabel("Password", { exact: true }).fill("page guards e2e pass");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/app");
  await page.goto("/app/charge?view=list");
  const mueller = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Mueller Town Center" }) });
  await mueller.getByRole("button", { name: /Check in here/ }).click();
  await page.getByRole("button", { name: "Stop charging" }).click();
  await page.getByRole("button", { name: "Stop and verify" }).click();
  await expect(page.getByRole("heading", { name: /Charging stopped|Session (not )?verified/ })).toBeVisible();
  await page.goto("/app/sessions");
  const session = page.getByRole("listitem").filter({ hasText: "Mueller Town Center" }).first();
  await session.getByRole("button", { name: /Missing points\? File a claim/ }).click();
  await session.getByLabel("What happened?").fill("Checking that only admins can read this claim.");
  await session.getByRole("button", { name: "Send claim" }).click();
  await expect(session.getByText("Claim under review")).toBeVisible();
  return page;
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(budget(120_000));
  const base = baseURL!;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = await signedIn(browser, base, DEMO.admin, /\/admin$/);
  const driver = await signedIn(browser, base, DEMO.driver, /\/app/);
  const otherMerchant = await signedIn(browser, base, OTHER_MERCHANT.email, /\/merchant$/);
  const demoMerchant = await signedIn(browser, base, DEMO.merchant, /\/merchant$/);

  await demoMerchant.page.goto("/merchant/reports");
  const csv = await demoMerchant.page.getByRole("link", { name: "Download statement CSV" }).getAttribute("href");
  const muellerId = csv!.match(/\/api\/merchants\/([^/]+)\/statement/)![1];

  const claimant = await driverWithClaim(browser, base, tag);
  const me = await (await claimant.request.get("/api/me")).json();
  const claimDriver = { id: me.user.id as string, name: me.user.name as string };

  await admin.page.goto("/admin/claims");
  const review = admin.page
    .getByRole("row")
    .filter({ hasText: claimDriver.name })
    .getByRole("link", { name: /Review/ });
  const claimId = (await review.getAttribute("href"))!.split("/").pop()!;

  const grantReason = `Page guard check ${tag}`;
  const granted = await admin.page.request.post("/api/admin/grants", {
    headers: { origin: base },
    data: { driverId: claimDriver.id, amount: 5, reason: grantReason, idempotencyKey: `page-guards-${tag}-grant` },
  });
  expect(granted.status()).toBe(201);
  const { transactionId } = await granted.json();

  world = {
    cookies: {
      admin: admin.cookie,
      driver: driver.cookie,
      otherMerchant: otherMerchant.cookie,
      demoMerchant: demoMerchant.cookie,
    },
    muellerId,
    claimDriver,
    claimId,
    transactionId,
    grantReason,
  };
});

/** Every page under /admin (from the app/admin tree), with the strings only it may show. */
function adminPages(): { path: string; secrets: string[] }[] {
  return [
    // the overview lists only the newest merchants and activity, which other specs' sign-ups push out:
    // its own headings over that data mark it instead
    { path: "/admin", secrets: [DEMO.admin, "Recent merchants", "Recent activity"] },
    // the audit log's search finds the grant made in setup, by the demo admin
    { path: "/admin/audit", secrets: [DEMO.admin, "nova.granted"] },
    { path: "/admin/merchants", secrets: ["Lamar Greens Grocery", "Barton Creek Books"] },
    { path: "/admin/users?q=nerava.demo", secrets: [DEMO.driver, DEMO.admin] },
    { path: "/admin/grants?q=nerava.demo", secrets: [DEMO.driver, DEMO.admin] },
    { path: "/admin/flags", secrets: ["NOVA_GRANTS_ENABLED"] },
    // the demo's off-peak campaign (serve.ts pauses it) and its budget
    { path: "/admin/campaigns", secrets: ["Night owl bonus", "50,000 Nova"] },
    { path: "/admin/ledger", secrets: [world.grantReason] },
    { path: `/admin/ledger/${world.transactionId}`, secrets: [world.grantReason] },
    { path: "/admin/claims", secrets: [world.claimDriver.name] },
    { path: `/admin/claims/${world.claimId}`, secrets: [world.claimDriver.name, "Checking that only admins"] },
    { path: `/admin/accounts/DRIVER/${world.claimDriver.id}`, secrets: [world.claimDriver.name, world.grantReason] },
    { path: `/admin/accounts/MERCHANT/${world.muellerId}`, secrets: ["Mueller Market Coffee", "Record a top-up"] },
    { path: "/admin/payouts", secrets: ["Reconciliation"] },
  ];
}

/** Every page under /merchant: the demo merchant's own data. */
const merchantPages = [
  "/merchant",
  "/merchant/offers",
  "/merchant/offers/new",
  "/merchant/redeem",
  "/merchant/campaigns",
  "/merchant/campaigns/new",
  "/merchant/reports",
  "/merchant/funding",
  "/merchant/team",
  "/merchant/square",
];

const REFUSED = [303, 307, 308, 403, 404];

async function fetchAs(request: APIRequestContext, path: string, cookie: string, rsc: boolean) {
  const headers = { cookie, ...(rsc ? { RSC: "1" } : {}) };
  let res = await request.get(path, { headers, maxRedirects: 0 });
  // Next sends an RSC request without its cache-busting `_rsc` parameter to the same URL with it
  const location = res.headers()["location"] ?? "";
  if (rsc && res.status() === 307 && new URL(location, "http://x").searchParams.has("_rsc"))
    res = await request.get(location, { headers, maxRedirects: 0 });
  return { status: res.status(), body: await res.text(), location: res.headers()["location"] ?? "" };
}

function expectNoData(body: string, secrets: string[], what: string) {
  for (const secret of secrets) expect(body.includes(secret), `${what} leaks “${secret}”`).toBe(false);
}

const outsiders = () => ({
  "a visitor with a bogus cookie": "nerava.session=x",
  "the demo driver": world.cookies.driver,
  "a member of another merchant": world.cookies.otherMerchant,
});

test("the admin sees every admin page, as a document and as an RSC request (so the secrets below are real)", async ({
  request,
}) => {
  for (const { path, secrets } of adminPages()) {
    for (const rsc of [false, true]) {
      const res = await fetchAs(request, path, world.cookies.admin, rsc);
      expect(res.status, path).toBe(200);
      for (const secret of secrets)
        expect(res.body.includes(secret), `${path}${rsc ? " (RSC)" : ""} shows “${secret}” to the admin`).toBe(true);
    }
  }
});

test("no admin page shows its data to a visitor, a driver or a merchant, as a document or an RSC request", async ({
  request,
}) => {
  for (const [who, cookie] of Object.entries(outsiders())) {
    for (const { path, secrets } of adminPages()) {
      for (const rsc of [false, true]) {
        const what = `${path} for ${who}${rsc ? " (RSC)" : ""}`;
        const res = await fetchAs(request, path, cookie, rsc);
        expectNoData(res.body, secrets, what);
        // an RSC request answers a redirect inside its payload; a document answers with the status itself
        if (!rsc) expect(REFUSED, `${what}: status ${res.status}`).toContain(res.status);
        else expect([200, ...REFUSED], `${what}: status ${res.status}`).toContain(res.status);
      }
    }
  }
});

test("the demo merchant sees its own pages, as a document and as an RSC request", async ({ request }) => {
  for (const path of merchantPages) {
    for (const rsc of [false, true]) {
      const res = await fetchAs(request, path, world.cookies.demoMerchant, rsc);
      expect(res.status, path).toBe(200);
      expect(res.body.includes("Mueller Market Coffee"), `${path}${rsc ? " (RSC)" : ""}`).toBe(true);
    }
  }
});

test("no merchant page shows the demo merchant's data to a visitor or a driver", async ({ request }) => {
  const { "a visitor with a bogus cookie": visitor, "the demo driver": driver } = outsiders();
  for (const [who, cookie] of Object.entries({ visitor, driver })) {
    for (const path of merchantPages) {
      for (const rsc of [false, true]) {
        const what = `${path} for ${who}${rsc ? " (RSC)" : ""}`;
        const res = await fetchAs(request, path, cookie, rsc);
        expectNoData(res.body, [...DEMO_MERCHANT, DEMO.merchant], what);
        if (!rsc) expect(REFUSED, `${what}: status ${res.status}`).toContain(res.status);
        else expect([200, ...REFUSED], `${what}: status ${res.status}`).toContain(res.status);
      }
    }
  }
});

test("a member of another merchant sees only their own merchant, even when they ask for the demo one", async ({
  request,
}) => {
  // asking for the demo merchant through the selection cookie is ignored: they are not a member
  const asking = `${world.cookies.otherMerchant}; nerava.merchant=${world.muellerId}`;
  for (const cookie of [world.cookies.otherMerchant, asking]) {
    for (const path of merchantPages) {
      for (const rsc of [false, true]) {
        const what = `${path} for the other merchant${rsc ? " (RSC)" : ""}${cookie === asking ? " asking for Mueller" : ""}`;
        const res = await fetchAs(request, path, cookie, rsc);
        expect(res.status, what).toBe(200);
        expect(res.body.includes(OTHER_MERCHANT.name), what).toBe(true);
        expectNoData(res.body, DEMO_MERCHANT, what);
      }
    }
  }
  // and the demo merchant's JSON and CSV answer as if it did not exist
  for (const path of [`/api/merchants/${world.muellerId}/summary`, `/api/merchants/${world.muellerId}/statement`]) {
    const res = await fetchAs(request, path, world.cookies.otherMerchant, false);
    expect(res.status, path).toBe(404);
    expectNoData(res.body, DEMO_MERCHANT, path);
  }
});
