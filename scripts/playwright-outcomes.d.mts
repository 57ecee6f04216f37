/** Types for scripts/playwright-outcomes.mjs (imported by tests/unit/playwright-outcomes.test.ts). */
export function playwrightOutcomes(report: unknown): {
  passed: number;
  failed: string[];
  flaky: string[];
  didNotRun: string[];
  skippedInCode: string[];
};
