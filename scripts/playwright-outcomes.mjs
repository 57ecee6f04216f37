// Sorts the tests of Playwright's JSON report (test-results/playwright.json) by how they ended, for
// scripts/test-totals.mjs. A test's `status` there is its outcome over all its attempts:
// - "expected": passed (or failed where marked test.fail) on its first attempt;
// - "flaky": failed, then passed on a retry (CI retries once): it counts as passed, and is listed;
// - "unexpected": failed on every attempt;
// - "skipped" with no attempt at all: it did not run, because a project it depends on (the phase
//   before, playwright.config.ts) had a failed test, or the run stopped early; with an attempt:
//   skipped in code (test.skip / test.fixme).

/** Every test of the report, with its project and a readable name. */
function allTests(report) {
  const tests = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const name = [...titles, spec.title].filter(Boolean).join(" › ");
        tests.push({ name: `[${test.projectName}] ${spec.file} › ${name}`, test });
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const fileSuite of report.suites ?? []) walk(fileSuite, []);
  return tests;
}

/** The report's tests by outcome: counts for passed and failed, names for the ones worth reading. */
export function playwrightOutcomes(report) {
  const outcomes = { passed: 0, failed: [], flaky: [], didNotRun: [], skippedInCode: [] };
  for (const { name, test } of allTests(report)) {
    if (test.status === "expected") outcomes.passed += 1;
    else if (test.status === "flaky") {
      outcomes.passed += 1;
      outcomes.flaky.push(name);
    } else if (test.status === "skipped") {
      (test.results.length === 0 ? outcomes.didNotRun : outcomes.skippedInCode).push(name);
    } else outcomes.failed.push(name);
  }
  return outcomes;
}
