import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/schema-engine";
import { createTestDatabase, dropRunDatabases, type RunDatabase } from "./test-database";

// Both integration projects (vitest.config.ts) run this file in the one vitest process: the
// database is made and migrated once, on globalThis, and dropped by the last teardown.
type Shared = { run: Promise<{ database: RunDatabase; drop: () => Promise<void> }>; users: number };
const global = globalThis as unknown as { neravaRunDatabase?: Shared };

async function createRunDatabase() {
  const database = await createTestDatabase("nerava_test");
  await applyMigrations({ databaseUrl: database.url, migrationsDir: path.resolve("prisma/migrations") });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { database: { url: database.url }, drop: database.drop };
  // on a server the migrated database is the template each worker copies (workerDatabaseUrl)
  const run = { url: database.url, serverUrl, template: new URL(database.url).pathname.slice(1) };
  return { database: run, drop: () => dropRunDatabases(run) };
}

export async function setup(project: TestProject) {
  const shared = (global.neravaRunDatabase ??= { run: createRunDatabase(), users: 0 });
  shared.users += 1;
  project.provide("runDatabase", (await shared.run).database);
}

export async function teardown() {
  const shared = global.neravaRunDatabase;
  if (!shared || --shared.users > 0) return;
  global.neravaRunDatabase = undefined;
  await (await shared.run).drop();
}

declare module "vitest" {
  export interface ProvidedContext {
    runDatabase: RunDatabase;
  }
}
