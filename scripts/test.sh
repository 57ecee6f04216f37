#!/usr/bin/env bash
# npm test, in two lanes that run side by side:
#   e2e lane (the longer one, so it starts first): `npm run build` (next build, serwist build for
#     public/sw.js, standalone copy), the service worker check and the /app bundle budget
#     (scripts/bundle-budget.mjs) on that build, then Playwright in Chromium against
#     `node .next/standalone/server.js` as soon as the build is done; logged to test-results/e2e-lane.log
#     and printed once both lanes are done;
#   checks lane: drift check, lint + format, unit + integration (vitest), types (tsc, once the build
#     has written its route types; the build skips its own check), printed as it goes. Its steps
#     without a clock in them run at a lower CPU priority (nice), so the e2e lane gets the CPU first.
# Integration tests use TEST_DATABASE_URL's server when set (a fresh database per run), else embedded PGlite.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results/screenshots
rm -f test-results/vitest.json test-results/playwright.json test-results/e2e-lane.log test-results/e2e-lane.env \
  test-results/e2e-build.done
LOW="nice -n 10"

# The e2e server and its stand-ins use E2E_PORT and the ten ports from E2E_PORT+90. Another run on the
# same machine (a second clone's `npm test`) would otherwise answer this run's browser on 3100: take
# the first base whose ports are all free.
if [ -z "${E2E_PORT:-}" ]; then
  E2E_PORT=$(node scripts/free-port-base.mjs 3100 3200 3700 3800 3900) || E2E_PORT=3100
  export E2E_PORT
fi

chrome=$(node -e 'for (const p of [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (p && require("fs").existsSync(p)) { console.log(p); break }')

# The e2e lane; its results (for the totals) go to test-results/e2e-lane.env.
e2e_lane() {
  local build_failed=0 sw=skip budget=skip
  echo "== e2e lane: build (at ${SECONDS} s)"
  SKIP_BUILD_TYPECHECK=1 npm run --silent build || build_failed=1
  touch test-results/e2e-build.done
  if [ "$build_failed" -eq 0 ]; then
    echo "== e2e lane: build done; service worker and bundle budget (at ${SECONDS} s)"
    # the worker must exist and carry its precache list (Serwist's webpack plugin would silently emit none)
    if grep -q '"/~offline"' public/sw.js 2>/dev/null; then sw=pass; else
      echo "public/sw.js is missing or has no precache list: the PWA would have no worker." >&2
      sw=fail
    fi
    if node scripts/bundle-budget.mjs /app 170; then budget=pass; else budget=fail; fi
    echo "== e2e lane: Playwright (at ${SECONDS} s)"
    npx playwright test
    echo "== e2e lane: Playwright done (at ${SECONDS} s)"
  fi
  printf 'BUILD_FAILED=%s\nSW_RESULT=%s\nBUDGET_RESULT=%s\n' "$build_failed" "$sw" "$budget" >test-results/e2e-lane.env
}

E2E_EXPECTED=0
E2E_PID=
if [ -n "$chrome" ]; then
  E2E_EXPECTED=1
  e2e_lane >test-results/e2e-lane.log 2>&1 &
  E2E_PID=$!
  echo "== e2e lane started in the background (at ${SECONDS} s): test-results/e2e-lane.log, printed at the end"
elif [ "${CI:-}" = "true" ]; then
  echo "No Chromium found (install the Debian package 'chromium' or set CHROME_PATH): e2e cannot run under CI." >&2
  E2E_EXPECTED=1
else
  echo "No Chromium found (apt-get install chromium, or set CHROME_PATH): e2e tier skipped."
fi

echo "== schema drift check (at ${SECONDS} s)"
DRIFT_FAILED=0
$LOW npm run --silent db:diff -- --check || DRIFT_FAILED=1

echo "== lint and format (at ${SECONDS} s)"
LINT_FAILED=0
$LOW npx eslint . --max-warnings 0 || LINT_FAILED=1
$LOW npx prettier --check . >/dev/null || { echo "Prettier: files need formatting (npm run format)"; LINT_FAILED=1; }

# Not niced: some files time what they test, or prove what happens under concurrency.
echo "== unit + integration (at ${SECONDS} s)"
npx vitest run
echo "== unit + integration done (at ${SECONDS} s)"

# The build writes .next/types (route types the code uses) and removes .next as it starts: wait for it.
if [ -n "$E2E_PID" ]; then
  while [ ! -f test-results/e2e-build.done ] && kill -0 "$E2E_PID" 2>/dev/null; do sleep 2; done
fi
echo "== types (at ${SECONDS} s)"
TYPES_FAILED=0
{ $LOW npx next typegen >/dev/null && $LOW npx tsc --noEmit -p .; } || TYPES_FAILED=1

BUILD_FAILED=0
BUDGET_RESULT=skip
SW_RESULT=skip
if [ -n "$E2E_PID" ]; then
  wait "$E2E_PID"
  echo "== e2e lane's output"
  cat test-results/e2e-lane.log
  if [ -f test-results/e2e-lane.env ]; then
    # shellcheck disable=SC1091
    . test-results/e2e-lane.env
  else
    echo "The e2e lane ended without its results." >&2
    BUILD_FAILED=1
  fi
fi

echo "== totals (at ${SECONDS} s)"
E2E_EXPECTED=$E2E_EXPECTED BUDGET_RESULT=$BUDGET_RESULT SW_RESULT=$SW_RESULT DRIFT_FAILED=$DRIFT_FAILED \
  LINT_FAILED=$LINT_FAILED TYPES_FAILED=$TYPES_FAILED BUILD_FAILED=$BUILD_FAILED node scripts/test-totals.mjs
