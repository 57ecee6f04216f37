// `npm run db:restore -- <file> [--clean]`: restores a db:backup file into DATABASE_URL's database
// (a fresh one, unless --clean), in one transaction. Run `npm run ledger:check` on it afterwards.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { restoreDatabase } from "../lib/ops/backup";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { clean: { type: "boolean" } } });
const file = positionals[0];
try {
  if (!file) throw new Error("Usage: npm run db:restore -- <file.dump> [--clean]");
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const started = Date.now();
  await restoreDatabase({ databaseUrl: process.env.DATABASE_URL, file, clean: values.clean });
  console.log(`Restored ${file} in ${((Date.now() - started) / 1000).toFixed(1)}s. Next: npm run ledger:check`);
} catch (err) {
  console.error(`Restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
