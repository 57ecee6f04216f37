import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { PHONE } from "./tests/e2e/helpers";

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

// ---- Which specs may run at the same time: two workers, one server, one database ----
// Playwright runs projects in phases: a phase starts once every project of the one before has ended.
// Within a phase any two spec files may run side by side, so each phase holds only specs that do not
// disturb one another; a spec that reads what another changes goes to another phase:
// - ledger (phase 1) turns NOVA_GRANTS_ENABLED off for a moment: admin-risk, page-guards and
//   wallet-apple, which grant Nova, run in phase 2; it also spends the demo merchant's
//   code-confirmation limit, and so does rate-limit (a minute of it): phase 2. Nothing else moves the
//   demo driver's balance or the Nova the demo merchant received, which ledger compares before and after.
// - discovery-map (phase 1) expects Mueller Market Coffee's cheapest offer first in the charger sheet:
//   merchant-offers, which adds a cheaper one, runs in phase 2 (campaign-unlock adds one in phase 3).
// - merchant-square connects the demo merchant to Square and disconnects it: phone in phase 1, desktop
//   in phase 2, and merchant-reports, which expects it not connected, in phase 3.
// - energy-events opts the demo driver in and out of the demo event: phone in phase 1, desktop in phase 2.
// - campaigns puts a 2× charging campaign live for the hours around now and campaign-unlock a sign-up
//   campaign (+300 Nova), both program-wide: phase 3, the last, with nothing that asserts a new driver's
//   Nova or dollars (charging, cash-out, square-journey, wallet-apple, wallet-pass-page) or finds the
//   demo merchant's cheapest offer (discovery-map). Together they are fine: one pays for charging, the
//   other for signing up, and each looks for its own campaign's lines.
// - The rest change only what they make themselves and read only that or what no spec changes, so
//   they go wherever they even out the phases: admin-console and merchant-onboarding (their own
//   businesses), sign-in (its own business for "sign out everywhere"; it reads only sign-in-link mail),
//   surfaces (demo pages no spec changes), merchant-funding (a top-up nobody reads), pwa (the demo driver's
//   own session), campaign-confirm (a draft campaign of its own that never pays), malformed-actions, production-config (its own server), nova-expiry (the lapsed demo
//   driver, nobody else's), and (not in phase 3) charging, cash-out, square-journey, wallet-pass-page
//   (their own drivers, businesses and Square seller).
// - statement-check downloads the demo driver's wallet statement and checks it against the ledger: phase
//   3, where nothing posts to the demo driver (it only reads).
const PHASES = [
  /(ledger|discovery-map|energy-events|merchant-square|cash-out|charging|admin-console|merchant-onboarding)\.spec/,
  /(admin-risk|page-guards|wallet-apple|rate-limit|merchant-offers|merchant-square|energy-events|square-journey|wallet-pass-page|sign-in|surfaces|pwa|campaign-confirm)\.spec/,
  /(campaigns|campaign-unlock|merchant-reports|merchant-funding|malformed-actions|production-config|nova-expiry|statement-check)\.spec/,
];
// merchant-square and energy-events are in phases 1 and 2: the phone's run in the first, the desktop's in the second
const PHONE_LATER = /(merchant-square|energy-events)\.spec/;

// Specs the screen size changes nothing for run once, on the desktop: the production-start
// check (it spawns its own process), the page guards (plain HTTP requests) and the rate-limit proof
// (it spends the merchant's limit for a minute), the Square journey (it opens a phone for its driver), the
// merchant report, the admin console and the review queue (their screenshots set their own sizes; the review
// queue decides its scripted flags once) and the Apple PassKit web service (plain HTTP requests).
const NOT_ON_PHONE =
  /production-config|page-guards|rate-limit|square-journey|merchant-reports|wallet-apple|admin-console|admin-risk/;
// The installable app, the driver's long money journeys (charging, cash-out, the Nova ledger walk,
// the campaign journey) and the 390 px confirm-question check are run at phone size only: the driver
// app is phone-first, and running them twice cost CI about two and a half minutes. The statement
// check takes its desktop screenshots itself.
const NOT_ON_DESKTOP =
  /pwa\.spec|charging\.spec|cash-out\.spec|ledger\.spec|campaigns\.spec|campaign-confirm\.spec|statement-check\.spec/;

const devicesUse = {
  phone: { ...PHONE, browserName: "chromium" as const, launchOptions },
  desktop: { browserName: "chromium" as const, viewport: { width: 1366, height: 900 }, launchOptions },
};

/**
 * The phone's and the desktop's project of each phase; each phase depends on the one before. Files
 * start in the order of their projects: the one with the longest files first (desktop in phase 2).
 */
function phasedProjects() {
  return PHASES.flatMap((testMatch, i) =>
    (i === 1 ? (["desktop", "phone"] as const) : (["phone", "desktop"] as const)).map((device) => ({
      name: `${device}-${i + 1}`,
      metadata: { device },
      use: devicesUse[device],
      testMatch,
      testIgnore: [
        device === "phone" ? NOT_ON_PHONE : NOT_ON_DESKTOP,
        ...(device === "phone" && i > 0 ? [PHONE_LATER] : []),
        ...(device === "desktop" && i === 0 ? [PHONE_LATER] : []),
      ],
      dependencies: i === 0 ? [] : [`phone-${i}`, `desktop-${i}`],
    })),
  );
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/playwright",
  // a test's whole budget: on a loaded 2-core CI machine the admin journeys took just over a minute,
  // twice in a row, so their retry could not save them; doubled under CI like every spec's own (budget()
  // in tests/e2e/helpers.ts)
  timeout: process.env.CI ? 240_000 : 60_000,
  // each expect's wait: CI machines of this kind are slower (when vitest ran beside Playwright, load
  // average 15, a server page took more than 5 s to replace its "Loading…" twice in a row)
  expect: { timeout: process.env.CI ? 10_000 : 5_000 },
  fullyParallel: false,
  workers: 2,
  // Under CI a failed test runs once more: a phase runs only if every test of the phase before is
  // ok, and Playwright counts "flaky" (failed, then passed on the retry) as ok, so one reset socket no
  // longer stops the later phases. scripts/test-totals.mjs lists every flaky test by name.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace streams screencast frames and DOM snapshots from every page: on three specs
    // it was a third of Chromium's CPU and a quarter of the wall time. Under CI a failed test runs
    // again (retries), and that second run records the trace, so a failure still comes with one.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    launchOptions,
  },
  projects: phasedProjects(),
  webServer: {
    command: `node --import tsx --import ./scripts/server-only-off.mjs tests/e2e/serve.ts`,
    url: `http://127.0.0.1:${PORT}/api/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { E2E_PORT: String(PORT) },
  },
});
