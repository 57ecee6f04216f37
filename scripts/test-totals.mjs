// Adds up vitest's and Playwright's JSON reports into one closing line: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
let passed = 0;
let failed = 0;

const vitest = read("test-results/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (vitest.numTotalTests === 0 || (vitest.success === false && vitest.numFailedTests === 0)) failed += 1;
} else {
  failed += 1; // the unit/integration tier did not report at all
}

const playwright = read("test-results/playwright.json");
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  // a phase whose phase before failed does not run (playwright.config.ts): not run is not passed
  if (playwright.stats.skipped > 0) {
    console.log(`(${playwright.stats.skipped} e2e tests did not run: an earlier phase failed)`);
    failed += playwright.stats.skipped;
  }
  if ((playwright.errors ?? []).length > 0) failed += 1;
} else if (process.env.E2E_EXPECTED === "1") {
  failed += 1;
}

for (const [tier, extra] of [
  ["drift", process.env.DRIFT_FAILED],
  ["lint", process.env.LINT_FAILED],
  ["types", process.env.TYPES_FAILED],
  ["build", process.env.BUILD_FAILED],
]) {
  if (extra === "1") {
    console.log(`(${tier} check failed)`);
    failed += 1;
  }
}
// checks on the build that count as one test each: the service worker and the /app bundle budget
for (const [check, result] of [
  ["service worker", process.env.SW_RESULT],
  ["bundle budget", process.env.BUDGET_RESULT],
]) {
  if (result === "pass") passed += 1;
  if (result === "fail") {
    console.log(`(${check} check failed)`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
