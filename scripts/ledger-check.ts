// `npm run ledger:check`: every transaction sums to zero per currency and every balance
// equals the sum of its entries and every account's hash chain verifies (the first broken entry of
// each is named). Prints violations; exits 1 when there is one.
import { createDb } from "../lib/db/client";
import { acquireDatabaseUrl } from "../lib/db/embedded";
import { checkLedger } from "../lib/ledger/check";

const { url, release } = await acquireDatabaseUrl();
const db = createDb(url, 2);
try {
  const started = Date.now();
  const { violations, transactions, accounts } = await checkLedger(db);
  console.log(`Checked ${transactions} transactions and ${accounts} accounts in ${Date.now() - started} ms.`);
  for (const v of violations) console.log(`VIOLATION ${v.kind} ${v.id}: ${v.detail}`);
  console.log(violations.length === 0 ? "Ledger is consistent." : `${violations.length} violation(s).`);
  process.exitCode = violations.length === 0 ? 0 : 1;
} catch (err) {
  console.error("ledger:check failed:", err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
  await release();
}
