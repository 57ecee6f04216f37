import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const resolve = {
  alias: {
    "@": root,
    "server-only": path.join(root, "tests/support/server-only.ts"),
  },
};

// On a PostgreSQL server every worker has its own copy of the migrated database
// (tests/support/test-database.ts), so integration files run three at a time; PGlite has one
// session, so there they run one at a time. Unit files share the same workers (a group's projects
// must agree on maxWorkers).
const WORKERS = process.env.TEST_DATABASE_URL ? 3 : 1;

// Files run alone, after the others: the concurrency proofs (their races need the server's
// connections and the CPU to themselves to mean anything) and the ones that time something
// (a circuit breaker failing fast within 50 ms, a provider's timeout, a one-second rate-limit window).
const ALONE = [
  "tests/integration/*-concurrency*.test.ts",
  "tests/integration/rate-limit.test.ts",
  "tests/integration/smartcar-client.test.ts",
  "tests/integration/stripe-sandbox-webhooks.test.ts",
  "tests/integration/twilio-verify.test.ts",
];

const integration = {
  environment: "node" as const,
  globalSetup: ["tests/support/global-setup.ts"],
  setupFiles: ["tests/support/setup-integration.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      {
        resolve,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", maxWorkers: WORKERS },
      },
      {
        resolve,
        test: {
          ...integration,
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: ALONE,
          maxWorkers: WORKERS,
        },
      },
      {
        resolve,
        test: {
          ...integration,
          name: "integration-alone",
          include: ALONE,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
