#!/usr/bin/env bash
# npm test, in four steps, one after another, so nothing that keeps time shares the two cores:
#   1. the build (next build, serwist build for public/sw.js, standalone copy), with the drift check,
#      lint and format beside it at a lower CPU priority (nothing in them keeps time);
#   2. unit + integration (vitest) alone: some files time what they test or prove concurrency;
#   3. types (tsc, on the route types the build wrote; the build skips its own check), the service
#      worker check and the /app bundle budget (scripts/bundle-budget.mjs) on that build;
#   4. Playwright in Chromium against `node .next/standalone/server.js`, alone.
# Run side by side (as before), the checks' vitest slowed the browsers' server so much that a page
# missed a 10 s wait on a loaded run, and one failed phase leaves every later e2e phase unrun.
# Integration tests use TEST_DATABASE_URL's server when set (a fresh database per run), else embedded PGlite.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results/screenshots
rm -f test-results/vitest.json test-results/playwright.json test-results/checks.log test-results/checks.env
LOW="nice -n 10"

# The e2e server and its stand-ins use E2E_PORT and the ten ports from E2E_PORT+90. Another run on the
# same machine (a second clone's `npm test`) would otherwise answer this run's browser on 3100: take
# the first base whose ports are all free.
if [ -z "${E2E_PORT:-}" ]; then
  E2E_PORT=$(node scripts/free-port-base.mjs 3100 3200 3700 3800 3900) || E2E_PORT=3100
  export E2E_PORT
fi

chrome=$(node -e 'for (const p of [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (p && require("fs").existsSync(p)) { console.log(p); break }')
E2E_EXPECTED=0
if [ -n "$chrome" ] || [ "${CI:-}" = "true" ]; then E2E_EXPECTED=1; fi

# Step 1's checks; their output is printed once the build is done, so the two do not interleave.
checks() {
  local drift=0 lint=0
  echo "== schema drift check"
  $LOW npm run --silent db:diff -- --check || drift=1
  echo "== lint and format"
  $LOW npx eslint . --max-warnings 0 || lint=1
  $LOW npx prettier --check . >/dev/null || { echo "Prettier: files need formatting (npm run format)"; lint=1; }
  printf 'DRIFT_FAILED=%s\nLINT_FAILED=%s\n' "$drift" "$lint" >test-results/checks.env
}

echo "== build, with drift, lint and format beside it (at ${SECONDS} s)"
checks >test-results/checks.log 2>&1 &
CHECKS_PID=$!
BUILD_FAILED=0
SKIP_BUILD_TYPECHECK=1 npm run --silent build || BUILD_FAILED=1
wait "$CHECKS_PID"
cat test-results/checks.log
DRIFT_FAILED=1
LINT_FAILED=1
# shellcheck disable=SC1091
[ -f test-results/checks.env ] && . test-results/checks.env

echo "== unit + integration (at ${SECONDS} s)"
npx vitest run
echo "== unit + integration done (at ${SECONDS} s)"

echo "== types (at ${SECONDS} s)"
TYPES_FAILED=0
{ npx next typegen >/dev/null && npx tsc --noEmit -p .; } || TYPES_FAILED=1

SW_RESULT=skip
BUDGET_RESULT=skip
if [ "$BUILD_FAILED" -eq 0 ]; then
  echo "== service worker and bundle budget (at ${SECONDS} s)"
  # the worker must exist and carry its precache list (Serwist's webpack plugin would silently emit none)
  if grep -q '"/~offline"' public/sw.js 2>/dev/null; then SW_RESULT=pass; else
    echo "public/sw.js is missing or has no precache list: the PWA would have no worker." >&2
    SW_RESULT=fail
  fi
  if node scripts/bundle-budget.mjs /app 170; then BUDGET_RESULT=pass; else BUDGET_RESULT=fail; fi
fi

if [ -z "$chrome" ]; then
  if [ "$E2E_EXPECTED" -eq 1 ]; then
    echo "No Chromium found (install the Debian package 'chromium' or set CHROME_PATH): e2e cannot run under CI." >&2
  else
    echo "No Chromium found (apt-get install chromium, or set CHROME_PATH): e2e tier skipped."
  fi
elif [ "$BUILD_FAILED" -eq 0 ]; then
  echo "== Playwright (at ${SECONDS} s)"
  npx playwright test
  echo "== Playwright done (at ${SECONDS} s)"
fi

echo "== totals (at ${SECONDS} s)"
E2E_EXPECTED=$E2E_EXPECTED BUDGET_RESULT=$BUDGET_RESULT SW_RESULT=$SW_RESULT DRIFT_FAILED=$DRIFT_FAILED \
  LINT_FAILED=$LINT_FAILED TYPES_FAILED=$TYPES_FAILED BUILD_FAILED=$BUILD_FAILED node scripts/test-totals.mjs
