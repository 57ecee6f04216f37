// The driver app's first-load JavaScript, gzipped, from the last `next build` (CI runs it after the
// build, in scripts/test.sh). First load = what the route's HTML loads with <script> tags: the
// scripts every page boots with (build-manifest.json "rootMainFiles") plus the chunks the route's
// client-reference manifest lists as entries of its layouts, page, loading and error boundaries.
// Left out: the nomodule polyfills (modern browsers skip them), the not-found/forbidden/unauthorized
// boundaries (loaded only when one renders) and chunks behind `next/dynamic` (the map), which are
// not entries. tests/e2e/pwa.spec.ts checks this set against the scripts a served /app really has.
// Usage: node scripts/bundle-budget.mjs [route=/app] [budgetKB=170] [--verbose]; exits 1 over budget.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const ON_DEMAND = /\/(not-found|forbidden|unauthorized)$/;

/** The build files (relative to .next, e.g. "static/chunks/x.js") a route loads on first paint. */
export function firstLoadFiles(route, dist = ".next") {
  const readJson = (file) => JSON.parse(readFileSync(path.join(dist, file), "utf8"));
  if (!existsSync(path.join(dist, "BUILD_ID"))) throw new Error("no build in .next: run `npm run build` first.");
  // "/(driver)/app/page" → "/app"
  const routes = readJson("app-path-routes-manifest.json");
  const entry = Object.keys(routes).find((key) => routes[key] === route && key.endsWith("/page"));
  if (!entry) throw new Error(`the build has no page for ${route}.`);
  const manifestFile = path.join(dist, "server", "app", `${entry}_client-reference-manifest.js`);
  if (!existsSync(manifestFile)) throw new Error(`no client reference manifest at ${manifestFile} (Next changed?).`);
  // the manifest is a script assigning globalThis.__RSC_MANIFEST[entry]
  const scope = { __RSC_MANIFEST: {} };
  new Function("globalThis", readFileSync(manifestFile, "utf8"))(scope);
  const entries = scope.__RSC_MANIFEST[entry]?.entryJSFiles;
  if (!entries) throw new Error(`${manifestFile} lists no entryJSFiles (Next changed?).`);

  const files = new Set(readJson("build-manifest.json").rootMainFiles);
  for (const [segment, chunks] of Object.entries(entries))
    if (!ON_DEMAND.test(segment)) for (const chunk of chunks) files.add(chunk);
  return [...files];
}

/** Each file's gzipped size (level 9, as a CDN would serve it) and the total. */
export function measure(files, dist = ".next") {
  const rows = files.map((file) => {
    const bytes = readFileSync(path.join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
  return { rows, raw: sum("raw"), gzip: sum("gzip") };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const route = args[0] ?? "/app";
  const budgetKB = Number(args[1] ?? process.env.BUNDLE_BUDGET_KB ?? 170);
  const kb = (n) => (n / 1024).toFixed(1);
  try {
    const { rows, raw, gzip } = measure(firstLoadFiles(route));
    if (process.argv.includes("--verbose"))
      for (const r of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(r.gzip).padStart(6)} KB  ${r.file}`);
    const over = gzip > budgetKB * 1024;
    console.log(
      `bundle budget: ${route} first-load JS ${kb(gzip)} KB gzipped (${kb(raw)} KB raw, ${rows.length} files), ` +
        `${over ? "OVER" : "within"} the ${budgetKB} KB budget`,
    );
    process.exit(over ? 1 : 0);
  } catch (error) {
    console.error(`bundle budget: ${error.message}`);
    process.exit(1);
  }
}
