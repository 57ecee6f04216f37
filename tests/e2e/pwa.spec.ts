// The installable driver app: manifest and icons, the service worker served and registered, nothing
// personal in its caches (before or after sign-out), the offline page, the install offer. Runs in the
// phone project (a Pixel 7 in Chromium); the desktop project would only repeat it.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { firstLoadFiles } from "../../scripts/bundle-budget.mjs";
import { STANDALONE_SERVER } from "./fakes-config";
import { blockOutsideRequests, DEMO, recordCspViolations, signInWithPassword, snap } from "./helpers";

/** Every cached request URL, by cache name, as the page sees Cache Storage. */
const cacheEntries = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => r.url);
    }
    return out;
  });

/** Waits until the worker is active and controls the page (it claims clients on first install). */
const controlledBy = (page: Page) =>
  page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    return { script: reg.active?.scriptURL ?? "", scope: reg.scope };
  });

// anything personal: a driver page, an API answer, an RSC payload
const PERSONAL = /\/app(\/|$|\?)|\/api\/|[?&]_rsc=/;

test("the manifest is installable: name, id, start URL, standalone, real 192/512/maskable PNG icons", async ({
  request,
}) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.status()).toBe(200);
  const manifest = await res.json();
  expect(manifest).toMatchObject({
    name: "Nerava",
    short_name: "Nerava",
    id: "/app",
    start_url: "/app",
    scope: "/",
    display: "standalone",
    theme_color: "#059669",
    background_color: "#f8fafc",
  });
  expect(manifest.prefer_related_applications).not.toBe(true);
  const pngs = manifest.icons.filter((i: { type: string }) => i.type === "image/png");
  expect(pngs.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of pngs) {
    const img = await request.get(icon.src);
    expect(img.status(), icon.src).toBe(200);
    expect(img.headers()["content-type"], icon.src).toBe("image/png");
    const body = await img.body();
    // the PNG header's width and height match the size the manifest promises
    const [w, h] = icon.sizes.split("x").map(Number);
    expect([body.readUInt32BE(16), body.readUInt32BE(20)], icon.src).toEqual([w, h]);
  }
});

test("/sw.js is served as JavaScript with its precache list, and the bundle budget counts what /app loads", async ({
  request,
}) => {
  const res = await request.get("/sw.js");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^(application|text)\/javascript/);
  expect(res.headers()["cache-control"]).toContain("no-cache");
  const body = await res.text();
  expect(body).toContain('"/~offline"');
  expect(body).not.toContain("self.__SW_MANIFEST");

  // the budget script's file set is exactly the module scripts a served /app loads
  const html = await (await request.get("/app")).text();
  const polyfills = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")).polyfillFiles as string[];
  const served = [...html.matchAll(/<script[^>]*\ssrc="\/_next\/([^"]+)"/g)]
    .map((m) => m[1])
    .filter((f) => !polyfills.includes(f));
  expect(served.length).toBeGreaterThan(3);
  expect([...new Set(served)].sort()).toEqual(firstLoadFiles("/app").sort());
});

test("signed in, browsing and signing out: the worker caches nothing personal; offline shows the offline page", async ({
  page,
}, testInfo) => {
  await blockOutsideRequests(page);
  const violations = recordCspViolations(page);
  await signInWithPassword(page, DEMO.driver, /\/app$/, "/app");
  const worker = await controlledBy(page);
  expect(worker.script).toMatch(/\/sw\.js$/);
  expect(new URL(worker.scope).pathname).toBe("/");

  // a full page load under the worker, a client navigation (RSC payload) and an API call
  await page.goto("/app/wallet");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Driver app" }).getByRole("link", { name: "Home" }).click();
  await page.waitForURL(/\/app$/);
  const rsc = page.waitForRequest((r) => r.headers()["rsc"] === "1" || r.url().includes("_rsc="));
  await page.getByRole("navigation", { name: "Driver app" }).getByRole("link", { name: "Wallet" }).click();
  await rsc;
  await page.waitForURL(/\/app\/wallet$/);
  const balances = await page.evaluate(async () => (await fetch("/api/me/balances")).status);
  expect(balances).toBe(200);

  const before = await cacheEntries(page);
  const beforeUrls = Object.values(before).flat();
  // the worker did cache: the build's scripts (cache first), the offline page (precache)
  expect(beforeUrls.some((u) => u.includes("/_next/static/chunks/") && u.endsWith(".js"))).toBe(true);
  expect(beforeUrls.some((u) => new URL(u).pathname === "/~offline")).toBe(true);
  // …and nothing personal, even while signed in
  expect(beforeUrls.filter((u) => PERSONAL.test(new URL(u).pathname + new URL(u).search))).toEqual([]);

  await page.goto("/app/account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/signin\?signedOut=1/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  // the runtime caches were emptied: the driver pages' own chunks, cached before, are gone (the
  // sign-in page refills the caches with its own public files only)
  const signinFiles = new Set(firstLoadFiles("/signin"));
  const driverOnly = firstLoadFiles("/app/wallet").filter((f) => !signinFiles.has(f));
  expect(driverOnly.length).toBeGreaterThan(0);
  expect(driverOnly.filter((f) => beforeUrls.some((u) => u.endsWith(`/_next/${f}`)))).toEqual(driverOnly);
  const stillCached = async () => {
    const urls = Object.values(await cacheEntries(page)).flat();
    return driverOnly.filter((f) => urls.some((u) => u.endsWith(f)));
  };
  await expect.poll(stillCached).toEqual([]);
  const after = Object.values(await cacheEntries(page)).flat();
  expect(after.filter((u) => PERSONAL.test(new URL(u).pathname + new URL(u).search))).toEqual([]);
  // whatever is cached now is public: build files, icons, the manifest, the offline page
  const PUBLIC = /^\/(_next\/static\/|~offline$|icon[-.]|apple-touch-icon\.png$|manifest\.webmanifest$)/;
  expect(after.filter((u) => !PUBLIC.test(new URL(u).pathname))).toEqual([]);
  expect(violations).toEqual([]);

  // offline: a reload and a new page both get the offline page, not a stored copy of a page
  await page.context().setOffline(true);
  await page.goto("/app/wallet").catch(() => undefined);
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await page.reload().catch(() => undefined);
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expect(page.getByText("Maya Chen")).toHaveCount(0);
  await snap(page, testInfo, "pwa-offline");
  await page.context().setOffline(false);
  await page.getByRole("link", { name: "Try again" }).click();
  await page.waitForURL(/\/app$/);
  await expect(page.getByRole("heading", { name: "You are offline" })).toHaveCount(0);
});

test("the account page offers 'Install app' when the browser makes an install offer", async ({ page }, testInfo) => {
  await blockOutsideRequests(page);
  await signInWithPassword(page, DEMO.driver, /\/app\/account$/, "/app/account");
  await expect(page.getByRole("button", { name: "Install app" })).toHaveCount(0);
  // headless Chromium never offers an install; hand the page the event Chrome would fire
  await page.evaluate(() => {
    const offer = Object.assign(new Event("beforeinstallprompt", { cancelable: true }), {
      prompt: async () => {
        (window as unknown as { prompted: boolean }).prompted = true;
      },
      userChoice: Promise.resolve({ outcome: "accepted" }),
    });
    window.dispatchEvent(offer);
  });
  const install = page.getByRole("button", { name: "Install app" });
  await expect(install).toBeVisible();
  await snap(page, testInfo, "pwa-install-offer");
  await install.click();
  await expect(install).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(true);
});

test("a new version waits for the person: 'A new version is ready' → Reload activates it", async ({
  page,
}, testInfo) => {
  await blockOutsideRequests(page);
  await page.goto("/app");
  const first = await controlledBy(page);
  const prompt = page.getByRole("status").filter({ hasText: "A new version is ready." });
  await expect(prompt).toHaveCount(0);
  // a new deploy: the server now serves a different sw.js (restored afterwards) — the standalone
  // server's own copy of public/, which is what it serves
  const served = path.join(path.dirname(STANDALONE_SERVER), "public", "sw.js");
  const original = readFileSync(served, "utf8");
  try {
    writeFileSync(served, `${original}\n// e2e: the next version\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(prompt).toBeVisible();
    // it waits: the old worker still controls the page until the person says so
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
    await snap(page, testInfo, "pwa-update-prompt");
    const reloaded = page.waitForEvent("load");
    await prompt.getByRole("button", { name: "Reload" }).click();
    await reloaded;
    await expect(prompt).toHaveCount(0);
    const after = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return {
        waiting: !!reg?.waiting,
        controlled: !!navigator.serviceWorker.controller,
        script: reg?.active?.scriptURL,
      };
    });
    expect(after).toEqual({ waiting: false, controlled: true, script: first.script });
  } finally {
    writeFileSync(served, original);
  }
});
