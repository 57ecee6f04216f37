// `npm run db:backup -- <file>`: a pg_dump custom-format backup of DATABASE_URL's database.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { backupDatabase } from "../lib/ops/backup";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean" } } });
const file = positionals[0];
try {
  if (!file) throw new Error("Usage: npm run db:backup -- <file.dump> [--force]");
  if (existsSync(file) && !values.force) throw new Error(`${file} exists; pass --force to overwrite it.`);
  const started = Date.now();
  await backupDatabase({ databaseUrl: process.env.DATABASE_URL, file });
  console.log(`Backed up to ${file} in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
