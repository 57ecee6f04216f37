// Lighthouse (pinned 12.2.3: 13 needs Node 22), mobile, on the driver app of the current build:
// /app signed out, /app and the Charge tab's map (/app/charge) signed in as the demo driver, and /signin. Not part of CI (about a minute
// a page). Usage, after `npm run build`:
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run lighthouse
// It starts the e2e server (tests/e2e/serve.ts: a fresh seeded database, `next start`) on LH_PORT
// (default 3871), or uses LH_BASE_URL when that points at a running server with the demo data.
// Reports: test-results/lighthouse/<page>.report.{html,json}; the scores are printed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const FLAGS =
  "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";
const port = process.env.LH_PORT ?? "3871";
const base = process.env.LH_BASE_URL ?? `http://127.0.0.1:${port}`;
const outDir = "test-results/lighthouse";
mkdirSync(outDir, { recursive: true });

async function waitForReady(url: string, server: ChildProcess | null): Promise<void> {
  for (let i = 0; i < 180; i++) {
    if (server?.exitCode != null) throw new Error("the server exited before it was ready");
    if (
      await fetch(`${url}/api/ready`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not become ready`);
}

/** The demo driver's session cookie, from the real sign-in form. */
async function driverCookie(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS.split(" ") });
  const page = await browser.newPage();
  await page.goto(`${base}/signin?callbackUrl=/app`);
  await page.getByLabel("Email").fill("driver@nerava.demo");
  await page.getByLabel("Password", { exact: true }).fill("nerava-demo-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/app");
  const cookies = await page.context().cookies();
  await browser.close();
  if (!cookies.some((c) => c.name.endsWith("nerava.session"))) throw new Error("signing the demo driver in failed");
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

function lighthouse(name: string, path: string, cookie?: string) {
  const headersFile = `${outDir}/${name}.headers.json`;
  writeFileSync(headersFile, JSON.stringify(cookie ? { Cookie: cookie } : {}));
  const run = spawnSync(
    "npx",
    [
      "lighthouse",
      `${base}${path}`,
      "--only-categories=performance,accessibility,best-practices,seo",
      "--form-factor=mobile",
      `--chrome-flags=${FLAGS}`,
      `--extra-headers=${headersFile}`,
      "--output=json",
      "--output=html",
      `--output-path=${outDir}/${name}`,
      "--quiet",
    ],
    { stdio: "inherit", env: { ...process.env, CHROME_PATH: CHROME } },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed on ${path}`);
  const report = JSON.parse(readFileSync(`${outDir}/${name}.report.json`, "utf8"));
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => report.audits[id]?.displayValue ?? "?";
  return {
    page: name,
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    seo: score("seo"),
    LCP: metric("largest-contentful-paint"),
    TBT: metric("total-blocking-time"),
    CLS: metric("cumulative-layout-shift"),
  };
}

const server = process.env.LH_BASE_URL
  ? null
  : spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-off.mjs", "tests/e2e/serve.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, E2E_PORT: port },
    });
try {
  await waitForReady(base, server);
  const cookie = await driverCookie();
  const pages: [string, string, string?][] = [
    ["app-signed-out", "/app"],
    ["app-signed-in", "/app", cookie],
    ["charge-map-signed-in", "/app/charge", cookie],
    ["signin", "/signin"],
  ];
  // each page served once first: a fresh server's first render (code loading) is not what is measured
  for (const [, path, c] of pages) await fetch(`${base}${path}`, { headers: c ? { cookie: c } : {} });
  const results = pages.map(([name, path, c]) => lighthouse(name, path, c));
  console.table(results);
  writeFileSync(`${outDir}/summary.json`, JSON.stringify(results, null, 2));
} finally {
  server?.kill("SIGTERM");
}
