// `npm run ledger:verify-statement <file>`: checks a downloaded statement CSV (a driver's wallet,
// a merchant's or an admin's download) against the ledger: each line's own hash, each line
// against its entry, and no entry of the owner missing. Prints the first line that differs and
// the rest; exits 0 when the statement matches, 1 when it does not, 2 when it could not check.
import { readFile } from "node:fs/promises";
import { createDb } from "../lib/db/client";
import { acquireDatabaseUrl } from "../lib/db/embedded";
import { verifyStatement } from "../lib/ledger/verify-statement";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run ledger:verify-statement <statement.csv>");
  process.exit(2);
}
const csv = await readFile(file, "utf8").catch((err: Error) => {
  console.error(`cannot read ${file}: ${err.message}`);
  process.exit(2);
});
const { url, release } = await acquireDatabaseUrl();
const db = createDb(url, 2);
try {
  const { lines, problems } = await verifyStatement(db, csv);
  if (problems.length === 0) {
    console.log(`${file}: all ${lines} lines match the ledger; every hash verifies.`);
  } else {
    const [first] = problems;
    console.log(`${file}: differs from the ledger first at line ${first.line}: ${first.message}`);
    for (const p of problems.slice(1)) console.log(`  line ${p.line}: ${p.message}`);
    console.log(`${problems.length} problem(s) in ${lines} lines.`);
  }
  process.exitCode = problems.length === 0 ? 0 : 1;
} catch (err) {
  console.error("ledger:verify-statement failed:", err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
  await release();
}
