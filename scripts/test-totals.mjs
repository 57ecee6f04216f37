// Adds up vitest's and Playwright's JSON reports into one closing line: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";
import { playwrightOutcomes } from "./playwright-outcomes.mjs";

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
let passed = 0;
let failed = 0;
const list = (heading, names) => {
  if (names.length === 0) return;
  console.log(`(${heading})`);
  for (const name of names) console.log(`  ${name}`);
};

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
  const e2e = playwrightOutcomes(playwright);
  passed += e2e.passed;
  failed += e2e.failed.length;
  // listed so a flake is seen and fixed, though it passed on its retry
  list(`${e2e.flaky.length} flaky e2e tests: failed, then passed on a retry; counted as passed`, e2e.flaky);
  // not run is not passed: a phase runs only when every test of the phase before passed (playwright.config.ts)
  if (e2e.didNotRun.length > 0) {
    console.log(`(${e2e.didNotRun.length} e2e tests did not run: an earlier phase failed; counted as failed)`);
  }
  list(`${e2e.skippedInCode.length} e2e tests skipped in code: counted as failed`, e2e.skippedInCode);
  failed += e2e.didNotRun.length + e2e.skippedInCode.length;
  if ((playwright.errors ?? []).length > 0) failed += 1;
  // the report's own count must agree with what was sorted, or a test could go uncounted
  const { expected, unexpected, flaky, skipped } = playwright.stats;
  const sorted = e2e.passed + e2e.failed.length + e2e.didNotRun.length + e2e.skippedInCode.length;
  if (sorted !== expected + unexpected + flaky + skipped) {
    console.log(`(the e2e report counts ${expected + unexpected + flaky + skipped} tests, the totals found ${sorted})`);
    failed += 1;
  }
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
