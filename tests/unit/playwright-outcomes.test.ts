import { describe, expect, it } from "vitest";
import { playwrightOutcomes } from "@/scripts/playwright-outcomes.mjs";

// The shape of Playwright 1.65's JSON report (file suite → describe suites → specs → one test per project),
// as written for a run with retries: 1 where the second project depends on the first.
const attempt = (status: string) => ({ status, retry: 0 });
const test = (projectName: string, status: string, results: string[]) => ({
  projectName,
  status,
  results: results.map(attempt),
});
const report = {
  suites: [
    {
      title: "a.spec.ts",
      file: "a.spec.ts",
      specs: [
        { title: "fine", file: "a.spec.ts", tests: [test("phone-1", "expected", ["passed"])] },
        { title: "always fails", file: "a.spec.ts", tests: [test("phone-1", "unexpected", ["failed", "failed"])] },
        { title: "skipped on purpose", file: "a.spec.ts", tests: [test("phone-1", "skipped", ["skipped"])] },
      ],
      suites: [
        {
          title: "group",
          file: "a.spec.ts",
          specs: [{ title: "resets once", file: "a.spec.ts", tests: [test("phone-1", "flaky", ["failed", "passed"])] }],
        },
      ],
    },
    {
      title: "b.spec.ts",
      file: "b.spec.ts",
      specs: [{ title: "dependent", file: "b.spec.ts", tests: [test("phone-2", "skipped", [])] }],
    },
  ],
};

describe("playwrightOutcomes", () => {
  const outcomes = playwrightOutcomes(report);

  it("counts a test that passed on its retry as passed, and names it as flaky", () => {
    expect(outcomes.passed).toBe(2);
    expect(outcomes.flaky).toEqual(["[phone-1] a.spec.ts › group › resets once"]);
  });

  it("tells a test that never ran (its phase's dependency failed) from one skipped in code", () => {
    expect(outcomes.didNotRun).toEqual(["[phone-2] b.spec.ts › dependent"]);
    expect(outcomes.skippedInCode).toEqual(["[phone-1] a.spec.ts › skipped on purpose"]);
  });

  it("names a test that failed on every attempt as failed", () => {
    expect(outcomes.failed).toEqual(["[phone-1] a.spec.ts › always fails"]);
  });
});
