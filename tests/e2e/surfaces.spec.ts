import { expect, test } from "@playwright/test";
import { blockOutsideRequests, DEMO, recordCspViolations, signInWithPassword, snap } from "./helpers";

// Every journey here runs under the production CSP: the browser must not refuse anything the app uses.
let cspViolations: string[] = [];
test.beforeEach(async ({ page }) => {
  cspViolations = recordCspViolations(page);
  await blockOutsideRequests(page);
});
test.afterEach(() => expect(cspViolations).toEqual([]));

test("landing explains Nerava and hides demo sign-ins in a production build", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /driver|app/i }).first()).toBeVisible();
  await expect(page.getByText(DEMO.driver)).toHaveCount(0);
  await snap(page, testInfo, "landing");
});

test("driver app shows chargers and offers, and the wallet after sign-in", async ({ page }, testInfo) => {
  await page.goto("/app");
  await expect(page.getByText("Mueller Town Center").first()).toBeVisible();
  await expect(page.getByText("Free drip coffee").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await snap(page, testInfo, "driver-home");
  await page
    .getByRole("navigation")
    .getByRole("link", { name: /wallet/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fapp%2Fwallet/);
  await page.getByLabel("Email").fill(DEMO.driver);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/app\/wallet$/);
  // the demo driver has a month of verified charging (lib/demo/charging-history.ts): its rewards are listed
  const activity = page.getByRole("list", { name: "Wallet activity" });
  await expect(activity.getByText(/^Charging at .+, verified$/).first()).toBeVisible();
  await snap(page, testInfo, "driver-wallet");
});

test("Home and Charge arrive whole from the server: no streaming skeleton before them", async ({ page }) => {
  await signInWithPassword(page, DEMO.driver, /\/app$/, "/app");
  // the page's HTML as the server sends it: its content, and no skeleton (a loading.tsx above them) in front
  for (const [path, heading] of [
    ["/app", "Charge & earn"],
    ["/app/charge", "Where are you charging?"],
  ]) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).toContain(heading.replace("&", "&amp;"));
    expect(html, path).not.toContain('aria-busy="true"');
  }
  // the tab bar's links show progress while a page is on its way (hidden at rest)
  const tabs = page.getByRole("navigation", { name: "Driver app" }).getByRole("link");
  await expect(tabs).toHaveCount(5);
  for (const tab of await tabs.all()) await expect(tab.locator("span[aria-hidden='true'].bg-brand-600")).toHaveCount(1);
});

test("merchant dashboard shows the member's own merchant", async ({ page }, testInfo) => {
  await signInWithPassword(page, DEMO.merchant, /\/merchant$/);
  await expect(page.getByText("Mueller Market Coffee").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Your offers" })).toBeVisible();
  await snap(page, testInfo, "merchant-overview");
  // the overview lists the latest five (other specs add offers to this shop); the full list has the seeded one
  await page.getByRole("link", { name: "All offers" }).click();
  await expect(page.getByText("Breakfast taco combo").first()).toBeVisible();
});

test("admin console shows program totals and users", async ({ page }, testInfo) => {
  await signInWithPassword(page, DEMO.admin, /\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // the totals and the newest merchants (earlier specs sign businesses up, so which ones varies)
  await expect(page.locator('dl[aria-label="Program totals"]').getByText("Drivers", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent merchants" })).toBeVisible();
  await snap(page, testInfo, "admin-overview");
  await page.goto("/admin/users?q=nerava.demo");
  await expect(page.getByText(DEMO.driver).first()).toBeVisible();
  await snap(page, testInfo, "admin-users");
});

test("operations endpoints answer on the built app", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect((await ready.json()).checks).toEqual({ database: "ok", migrations: "ok" });
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const metrics = await request.get("/api/metrics", { headers: { authorization: "Bearer e2e-metrics-token" } });
  expect(await metrics.text()).toMatch(/http_requests_total\{method="GET",route="\/api\/ready"/);
  const version = await (await request.get("/api/version")).json();
  expect(version.gitSha).toMatch(/^([0-9a-f]{40}|unknown)$/);
});

test("pages carry a CSP with a fresh nonce on every script, HSTS and the other security headers", async ({
  request,
}) => {
  const nonces = [];
  for (const path of ["/", "/", "/signin", "/app"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const headers = res.headers();
    const csp = headers["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // every script tag Next rendered carries this response's nonce, and no other
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("the JSON API, which the proxy skips, carries HSTS and a policy that allows nothing; a path no route answers is a JSON 404", async ({
  request,
}) => {
  const api = { "/api/health": 200, "/api/me": 401, "/api/nothing/here": 404, "/api": 404 } as Record<string, number>;
  for (const [path, status] of Object.entries(api)) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(status);
    const headers = res.headers();
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    expect(headers["x-request-id"], path).toMatch(/\S/);
    expect(headers["content-type"], path).toContain("application/json");
  }
  expect((await (await request.get("/api/nothing/here")).json()).error.code).toBe("not_found");
  // a segment that does not decode still goes through the proxy: its 400, not Next's bare 500
  for (const path of ["/api/offers/%ff/redeem", "/api/me/sessions/%"]) {
    const res = await request.delete(path);
    expect(res.status(), path).toBe(400);
    expect(res.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
  // answers Next gives with no handler (a method the route lacks, OPTIONS) carry them too
  for (const res of [await request.put("/api/health"), await request.fetch("/api/health", { method: "OPTIONS" })]) {
    expect([405, 204], res.url()).toContain(res.status());
    expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  }
  // next-auth's routes keep the pages' policy (its sign-out page has styles)
  const auth = await request.get("/api/auth/session");
  expect(auth.headers()["content-security-policy"]).toContain("style-src 'self' 'unsafe-inline'");
});
