// Playwright's web server: a fresh migrated and seeded database, then `next start` on it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDb } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/schema-engine";
import { seedDemoData } from "../../lib/demo/seed";
import { createTestDatabase } from "../support/test-database";

const port = process.env.E2E_PORT ?? "3100";
const database = await createTestDatabase("nerava_e2e");
await applyMigrations({ databaseUrl: database.url, migrationsDir: path.resolve("prisma/migrations") });
const db = createDb(database.url, 2);
await seedDemoData(db);
await db.$disconnect();

const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(36).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    METRICS_TOKEN: "e2e-metrics-token",
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await database.drop().catch((err) => console.error("could not drop e2e database:", err));
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
child.on("exit", (code) => void stop(code ?? 1));
