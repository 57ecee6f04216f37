// The driver app's first-load JavaScript, gzipped, from the last `next build` (run after it; CI does,
// in scripts/test.sh). First load = the scripts every page boots with (build-manifest.json
// "rootMainFiles") plus every chunk the route's client-reference manifest lists as an entry of its
// layouts, page, error and not-found boundaries — what the HTML's <script> tags load. Chunks behind
// `next/dynamic` (the map) are not entries, so they do not count, as in the browser.
// Usage: node scripts/bundle-budget.mjs [route=/app] [budgetKB=170]; exits 1 over budget.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const route = process.argv[2] ?? "/app";
const budgetKB = Number(process.argv[3] ?? process.env.BUNDLE_BUDGET_KB ?? 170);
const dist = ".next";
const readJson = (file) => JSON.parse(readFileSync(path.join(dist, file), "utf8"));
const fail = (message) => {
  console.error(`bundle budget: ${message}`);
  process.exit(1);
};

if (!existsSync(path.join(dist, "BUILD_ID"))) fail("no build in .next: run `npm run build` first.");
// "/(driver)/app/page" → "/app"
const routes = readJson("app-path-routes-manifest.json");
const entry = Object.keys(routes).find((key) => routes[key] === route && key.endsWith("/page"));
if (!entry) fail(`the build has no page for ${route}.`);
const manifestFile = path.join(dist, "server", "app", `${entry}_client-reference-manifest.js`);
if (!existsSync(manifestFile)) fail(`no client reference manifest at ${manifestFile} (has Next changed its layout?).`);

// the manifest is a script that assigns globalThis.__RSC_MANIFEST[entry]
const sandbox = { globalThis: {} };
sandbox.globalThis.__RSC_MANIFEST = {};
new Function("globalThis", readFileSync(manifestFile, "utf8"))(sandbox.globalThis);
const clientManifest = sandbox.globalThis.__RSC_MANIFEST[entry];
if (!clientManifest?.entryJSFiles) fail(`${manifestFile} lists no entryJSFiles (has Next changed its layout?).`);

const files = new Set(readJson("build-manifest.json").rootMainFiles);
for (const chunks of Object.values(clientManifest.entryJSFiles)) for (const chunk of chunks) files.add(chunk);

let raw = 0;
let gzipped = 0;
const rows = [];
for (const file of files) {
  const bytes = readFileSync(path.join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += gz;
  rows.push([file, gz]);
}
const kb = (n) => (n / 1024).toFixed(1);
if (process.argv.includes("--verbose") || process.env.BUNDLE_BUDGET_VERBOSE)
  for (const [file, gz] of rows.sort((a, b) => b[1] - a[1])) console.log(`  ${kb(gz).padStart(6)} KB  ${file}`);
const verdict = gzipped <= budgetKB * 1024 ? "within" : "OVER";
console.log(
  `bundle budget: ${route} first-load JS ${kb(gzipped)} KB gzipped (${kb(raw)} KB raw, ${files.size} files), ${verdict} the ${budgetKB} KB budget`,
);
process.exit(verdict === "OVER" ? 1 : 0);
