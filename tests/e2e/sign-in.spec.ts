import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_FAKES } from "./fakes-config";
import { blockOutsideRequests, DEMO, signInWithPassword, snap } from "./helpers";
import { fillBusinessSignUp } from "./journeys";

test.beforeEach(async ({ page }) => blockOutsideRequests(page));

async function expectSignedInAs(page: Page, email: string) {
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe(email);
}

/** The newest sign-in link mailed to `to` since `since` (other specs mail the demo driver too). */
async function waitForMail(to: string, since: number): Promise<{ text: string }> {
  for (let i = 0; i < 50; i++) {
    for (const file of readdirSync(E2E_FAKES.mailDir).sort().reverse()) {
      const mail = JSON.parse(readFileSync(`${E2E_FAKES.mailDir}/${file}`, "utf8"));
      const link = mail.subject === "Your Nerava sign-in link";
      if (Number(file.split("-")[0]) >= since && mail.to.includes(to) && link) return mail;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to}`);
}

test("each role reaches only its own surface", async ({ page }) => {
  await signInWithPassword(page, DEMO.driver, /\/app$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/denied$/);
  await page.goto("/merchant");
  await expect(page).toHaveURL(/\/denied$/);
  expect((await page.request.get("/api/merchants/anything/summary")).status()).toBe(403);
});

test("a wrong password gets a clear message and keeps the email", async ({ page }, testInfo) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO.merchant);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.merchant);
  await snap(page, testInfo, "signin-error");
});

test("magic link: emailed over SMTP, single use", async ({ page }, testInfo) => {
  const since = Date.now();
  await page.goto("/signin?method=email");
  await page.getByLabel("Email").fill(DEMO.driver);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  const mail = await waitForMail(DEMO.driver, since);
  const link = mail.text.match(/https?:\/\/\S+\/auth\/magic\?\S+/)![0];
  await page.goto(link);
  await snap(page, testInfo, "magic-link-confirm");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/app$/);
  await expectSignedInAs(page, DEMO.driver);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /expired or was already used/ })).toBeVisible();
});

test("SMS code through Twilio Verify signs in a new driver", async ({ page }, testInfo) => {
  const phone = `+1512555${String(Date.now() % 10000).padStart(4, "0")}`;
  await page.goto("/signin?method=sms");
  await page.getByLabel("Mobile number").fill(phone);
  await page.getByRole("button", { name: "Text me a code" }).click();
  const codeField = page.getByLabel("Code from the text message");
  await expect(codeField).toBeVisible();
  const { code } = await (
    await page.request.get(`http://127.0.0.1:${E2E_FAKES.twilioPort}/__codes?to=${encodeURIComponent(phone)}`)
  ).json();
  await codeField.fill(code);
  await snap(page, testInfo, "sms-code");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/app$/);
  const me = await (await page.request.get("/api/me")).json();
  expect(me.user.phone).toBe(phone);
});

test("Google sign-in links to the existing account with the same verified email", async ({ page }, testInfo) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Google" }).click();
  await expect(page).toHaveTitle(/Sandbox Google sign-in/);
  await snap(page, testInfo, "google-sandbox");
  await page.getByRole("button", { name: new RegExp(DEMO.driver) }).click();
  await page.waitForURL(/\/app$/);
  await expectSignedInAs(page, DEMO.driver);
});

test("sign out everywhere ends the other device's session at once", async ({ browser, baseURL }) => {
  const phone = await browser.newContext({ baseURL });
  const laptop = await browser.newContext({ baseURL });
  const [a, b] = [await phone.newPage(), await laptop.newPage()];
  // a business of its own: signing the demo merchant out everywhere would end the sessions of the
  // specs running beside this one (playwright.config.ts)
  const tag = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  const owner = { email: `everywhere-${tag}@test.local`, password: "signed in on two devices" };
  await a.goto("/merchant/signup");
  await fillBusinessSignUp(a, {
    owner: "Eve Everywhere",
    ...owner,
    business: `Everywhere Espresso ${tag}`,
    kind: "Coffee",
    address: "1801 E 51st St, Austin, TX 78723",
    latitude: "30.3031",
    longitude: "-97.7061",
    phone: "+1 512 555 0177",
    contactEmail: `shop-${tag}@test.local`,
  });
  await a.getByRole("button", { name: "Create account and apply" }).click();
  await a.waitForURL(/\/merchant$/);
  await signInWithPassword(b, owner.email, /\/merchant$/, undefined, owner.password);
  const cookies = await b.context().cookies();
  expect(cookies.find((c) => c.name === "nerava.session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(await b.evaluate(() => document.cookie)).not.toContain("nerava.session");
  await a.goto("/account");
  await a.getByRole("button", { name: "Sign out everywhere" }).first().click();
  await a.getByRole("button", { name: "Sign out everywhere" }).last().click();
  await a.waitForURL(/\/signin/);
  expect((await b.request.get("/api/me")).status()).toBe(401);
  await b.goto("/merchant");
  await expect(b).toHaveURL(/\/signin/);
  await phone.close();
  await laptop.close();
});

test("the middleware-bypass header does not open the admin console", async ({ request }) => {
  const headers = {
    "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware",
  };
  const page = await request.get("/admin", { headers, maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(page.status());
  expect(page.headers()["location"]).toMatch(/\/signin/);
  expect((await request.get("/api/me", { headers })).status()).toBe(401);
});

// One sign-in for the hostile-input checks: the suite's password sign-ins all come from 127.0.0.1
// and share its per-IP limit (30 per 15 minutes).
test("hostile input from a browser: redirect targets, NUL bytes, a client-written X-Forwarded-For", async ({
  browser,
  request,
  baseURL,
}) => {
  // A NUL session cookie is no session: 401 from the API, sign-in from a page, never a 500.
  const nul = { cookie: "nerava.session=%00" };
  expect((await request.get("/api/me", { headers: nul })).status()).toBe(401);
  expect((await request.get("/api/auth/session", { headers: nul })).status()).toBeLessThan(500);
  expect((await request.get("/app/wallet", { headers: nul })).status()).toBeLessThan(500);
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const page = await context.newPage();
  await context.addCookies([{ name: "nerava.session", value: "%00", url: baseURL! }]);
  await page.goto("/app/wallet");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await signInWithPassword(page, DEMO.driver, /\/app$/);
  // Signed in, the sign-in page offers a "Continue" link: to the driver's home, not to evil.example.
  for (const target of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https:evil.example"]) {
    await page.goto(`/signin?callbackUrl=${target}`);
    const href = await page.getByRole("link", { name: "Continue" }).getAttribute("href");
    expect(new URL(href!, page.url()).origin, target).toBe(new URL(page.url()).origin);
  }
  // Google sign-in's landing page: a hostile `to` goes home; CR/LF is not a server error.
  for (const to of ["/%09/evil.example", "/%0d%0a/x", "//evil.example"]) {
    const res = await page.goto(`/auth/continue?to=${to}`);
    expect(res!.status(), to).toBeLessThan(500);
    await expect(page, to).toHaveURL(/\/app$/);
  }

  // NUL in a path id: 404 on an API route and on a page; the session is untouched.
  const del = await page.request.delete("/api/me/sessions/%00", { headers: { origin: baseURL! } });
  expect(del.status()).toBe(404);
  expect((await page.request.get("/app/codes/%00")).status()).toBe(404);
  expect((await page.request.get("/api/me")).status()).toBe(200);

  // The session was recorded with the socket's address, not the X-Forwarded-For the browser wrote.
  await page.goto("/account");
  await expect(page.getByText(/^(::ffff:)?127\.0\.0\.1$/).first()).toBeVisible();
  await expect(page.getByText("203.0.113.77")).toHaveCount(0);
  await context.close();
});
