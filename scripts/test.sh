#!/usr/bin/env bash
# npm test: drift check, lint + format, unit + integration (vitest), e2e (Playwright in Chromium on
# `npm run build` (next build, serwist build for public/sw.js, standalone copy) && `node .next/standalone/server.js`), the service
# worker check and the /app bundle budget (scripts/bundle-budget.mjs) on that build.
# Integration tests use TEST_DATABASE_URL's server when set (a fresh database per run), else embedded PGlite.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results/screenshots
rm -f test-results/vitest.json test-results/playwright.json

echo "== schema drift check (at ${SECONDS} s)"
DRIFT_FAILED=0
npm run --silent db:diff -- --check || DRIFT_FAILED=1

echo "== lint and format (at ${SECONDS} s)"
LINT_FAILED=0
npx eslint . --max-warnings 0 || LINT_FAILED=1
npx prettier --check . >/dev/null || { echo "Prettier: files need formatting (npm run format)"; LINT_FAILED=1; }

chrome=$(node -e 'for (const p of [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (p && require("fs").existsSync(p)) { console.log(p); break }')
# The production build runs beside the unit and integration tests (they mostly wait on the
# database, the build on the CPU); its output is printed once the tests are done.
BUILD_PID=
if [ -n "$chrome" ]; then
  npm run --silent build >test-results/build.log 2>&1 &
  BUILD_PID=$!
fi

echo "== unit + integration (at ${SECONDS} s)"
npx vitest run

echo "== e2e (at ${SECONDS} s)"
E2E_EXPECTED=0
BUILD_FAILED=0
BUDGET_RESULT=skip
SW_RESULT=skip
if [ -n "$chrome" ]; then
  E2E_EXPECTED=1
  wait "$BUILD_PID"
  build_status=$?
  cat test-results/build.log
  echo "== build done (at ${SECONDS} s)"
  if [ "$build_status" -eq 0 ]; then
    echo "== service worker and bundle budget (at ${SECONDS} s)"
    # the worker must exist and carry its precache list (Serwist's webpack plugin would silently emit none)
    if grep -q '"/~offline"' public/sw.js 2>/dev/null; then SW_RESULT=pass; else
      echo "public/sw.js is missing or has no precache list: the PWA would have no worker." >&2
      SW_RESULT=fail
    fi
    if node scripts/bundle-budget.mjs /app 170; then BUDGET_RESULT=pass; else BUDGET_RESULT=fail; fi
    npx playwright test
  else
    BUILD_FAILED=1
  fi
elif [ "${CI:-}" = "true" ]; then
  echo "No Chromium found (install the Debian package 'chromium' or set CHROME_PATH): e2e cannot run under CI." >&2
  E2E_EXPECTED=1
else
  echo "No Chromium found (apt-get install chromium, or set CHROME_PATH): e2e tier skipped."
fi

echo "== totals (at ${SECONDS} s)"
E2E_EXPECTED=$E2E_EXPECTED BUDGET_RESULT=$BUDGET_RESULT SW_RESULT=$SW_RESULT DRIFT_FAILED=$DRIFT_FAILED LINT_FAILED=$LINT_FAILED BUILD_FAILED=$BUILD_FAILED \
  node scripts/test-totals.mjs
