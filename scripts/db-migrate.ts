// `npm run db:migrate`: applies pending migrations from prisma/migrations, like
// `prisma migrate deploy`, using the wasm schema engine (no native binary).
// Safe to run concurrently: runs are serialised by a PostgreSQL advisory lock.
// Options: --migrations <dir> (default: prisma/migrations).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { acquireDatabaseUrl } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/schema-engine";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { migrations: { type: "string" } } });
  // Without DATABASE_URL: the embedded database (the one `npm run dev` serves, or opened for this run).
  const { url: databaseUrl, release } = await acquireDatabaseUrl();
  const migrationsDir = path.resolve(values.migrations ?? path.join(root, "prisma/migrations"));
  const started = Date.now();
  const { applied } = await applyMigrations({ databaseUrl, migrationsDir }).finally(release);
  const took = `${((Date.now() - started) / 1000).toFixed(1)}s`;
  if (applied.length === 0) {
    console.log(`No pending migrations (${took}).`);
  } else {
    console.log(`Applied ${applied.length} migration(s) in ${took}:`);
    for (const name of applied) console.log(`  - ${name}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === "string" && /^P\d{4}$/.test(code)) console.error(`Prisma error ${code}`);
    console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
