import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright cannot download browsers here: use Debian's Chromium (or CHROME_PATH).
export const chromiumPath = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => !!p && existsSync(p),
);
const PORT = Number(process.env.E2E_PORT ?? 3100);

const launchOptions = {
  executablePath: chromiumPath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

// ---- Lanes: which specs may run at the same time (workers: 2 against one server and one database) ----
// Each device (phone, desktop) has three projects:
// - own data ("phone", "desktop"): specs that make their own drivers and businesses and read only what
//   they made (signing in as the demo admin or reading the demo driver's pages changes nothing others
//   read). They run beside anything.
// - shared ("phone-shared", then "desktop-shared", one worker, one after the other): specs that read or
//   change the demo accounts' data or a switch every journey sees, so they never run beside each other:
//     admin-risk      grants Nova (refused while ledger's kill-switch test has grants off)
//     discovery-map   expects Mueller Market Coffee's cheapest offer first (merchant-offers adds a cheaper one)
//     energy-events   opts the demo driver in and out and turns her notice emails on (sign-in reads her mail)
//     ledger          the demo driver's balance and the demo merchant's Nova received, before and after;
//                     turns NOVA_GRANTS_ENABLED off for a moment
//     merchant-funding, merchant-offers, merchant-square, merchant-reports  the demo merchant's money,
//                     offers and Square connection (the report expects it not connected)
//     page-guards     sessions of the demo driver and merchant, a grant, the newest ledger and audit rows
//     rate-limit      spends the demo merchant's code-confirmation limit for a minute
//     sign-in         signs the demo merchant out everywhere; reads the demo driver's newest mail
//     surfaces        the demo driver's wallet and the demo merchant's dashboard
//     wallet-apple    grants Nova (as admin-risk)
// - campaigns ("phone-campaigns", "desktop-campaigns"), after every other project: campaigns.spec
//   puts a 2× charging campaign live for the hours around now and campaign-unlock.spec a sign-up
//   campaign (+300 Nova), both program-wide, so they run when no other spec (charging, cash-out,
//   square-journey, wallet-apple, ledger: all assert Nova or dollar amounts) can earn from them; and both
//   use demo merchant sessions (sign-in signs it out everywhere). Together they are fine: one pays for
//   charging, the other for signing up, and each looks for its own campaign's lines.
// Own-data specs, and why they may: admin-console (its own business; the demo driver only reads offers),
// cash-out and charging (their own drivers; amounts only campaigns change), malformed-actions (plain HTTP),
// merchant-onboarding (its own business), nova-expiry (the lapsed demo driver, read only, used by no
// other spec), production-config (its own server on its own port), pwa (signs the demo driver in and
// out of its own session only), square-journey (its own business, seller and driver), wallet-pass-page
// (its own driver).
const SHARED =
  /(admin-risk|discovery-map|energy-events|ledger|merchant-funding|merchant-offers|merchant-square|merchant-reports|page-guards|rate-limit|sign-in|surfaces|wallet-apple)\.spec/;
const CAMPAIGNS = /(campaigns|campaign-unlock)\.spec/;

// Specs the screen size changes nothing for run once, in the desktop projects: the production-start
// check (it spawns its own process), the page guards (plain HTTP requests) and the rate-limit proof
// (it spends the merchant's limit for a minute), the Square journey (it opens a phone for its driver), the
// merchant report, the admin console and the review queue (their screenshots set their own sizes; the review
// queue decides its scripted flags once) and the Apple PassKit web service (plain HTTP requests).
const NOT_ON_PHONE =
  /production-config|page-guards|rate-limit|square-journey|merchant-reports|wallet-apple|admin-console|admin-risk/;
// The installable app, and the driver's long money journeys (charging, cash-out, the Nova
// ledger walk, the campaign journey), are checked at phone size only: the driver app is phone-first,
// and running them twice cost CI about two and a half minutes.
const NOT_ON_DESKTOP = /pwa\.spec|charging\.spec|cash-out\.spec|ledger\.spec|campaigns\.spec/;

const phone = {
  metadata: { device: "phone" },
  use: { ...devices["Pixel 7"], browserName: "chromium" as const, launchOptions },
};
const desktop = {
  metadata: { device: "desktop" },
  use: { browserName: "chromium" as const, viewport: { width: 1366, height: 900 }, launchOptions },
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/playwright",
  timeout: 60_000,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "retain-on-failure", launchOptions },
  // Playwright runs projects in phases: a phase starts once every project of the one before has ended.
  // 1: phone-shared (one worker) beside phone; 2: desktop-shared (one worker) beside desktop;
  // 3: the campaigns. Each phase lists its one-worker lane first, so it starts at once.
  projects: [
    { name: "phone-shared", ...phone, testMatch: SHARED, testIgnore: NOT_ON_PHONE, workers: 1 },
    { name: "phone", ...phone, testIgnore: [NOT_ON_PHONE, SHARED, CAMPAIGNS] },
    {
      name: "desktop-shared",
      ...desktop,
      testMatch: SHARED,
      testIgnore: NOT_ON_DESKTOP,
      workers: 1,
      dependencies: ["phone-shared", "phone"],
    },
    {
      name: "desktop",
      ...desktop,
      testIgnore: [NOT_ON_DESKTOP, SHARED, CAMPAIGNS],
      dependencies: ["phone-shared", "phone"],
    },
    {
      name: "phone-campaigns",
      ...phone,
      testMatch: CAMPAIGNS,
      testIgnore: NOT_ON_PHONE,
      dependencies: ["desktop-shared", "desktop"],
    },
    {
      name: "desktop-campaigns",
      ...desktop,
      testMatch: CAMPAIGNS,
      testIgnore: NOT_ON_DESKTOP,
      dependencies: ["desktop-shared", "desktop"],
    },
  ],
  webServer: {
    command: `node --import tsx tests/e2e/serve.ts`,
    url: `http://127.0.0.1:${PORT}/api/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { E2E_PORT: String(PORT) },
  },
});
