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

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/playwright",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "retain-on-failure", launchOptions },
  projects: [
    // Specs the screen size changes nothing for run once, in the desktop project: the production-start
    // check (it spawns its own process), the page guards (plain HTTP requests) and the rate-limit proof
    // (it spends the merchant's limit for a minute), the Square journey (it opens a phone for its driver), the
    // merchant report, the admin console and the review queue (their screenshots set their own sizes; the review
    // queue decides its scripted flags once) and the Apple PassKit web service (plain HTTP requests).
    {
      name: "phone",
      testIgnore:
        /production-config|page-guards|rate-limit|square-journey|merchant-reports|wallet-apple|admin-console|admin-risk/,
      use: { ...devices["Pixel 7"], browserName: "chromium", launchOptions },
    },
    // The installable app, and the driver's long money journeys (charging, cash-out, the Nova
    // ledger walk, the campaign journey), are checked at phone size only: the driver app is phone-first,
    // and running them twice cost CI about two and a half minutes.
    {
      name: "desktop",
      testIgnore: /pwa\.spec|charging\.spec|cash-out\.spec|ledger\.spec|campaigns\.spec/,
      use: { browserName: "chromium", viewport: { width: 1366, height: 900 }, launchOptions },
    },
  ],
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
