import { acquireDatabaseUrl } from "../lib/db/embedded";
import { createDb } from "../lib/db/client";
import { seedDemoData } from "../lib/demo/seed";
import { printDemoAccounts } from "../scripts/print-demo-accounts";

const { url, release } = await acquireDatabaseUrl();
const db = createDb(url, 2);
try {
  const counts = await seedDemoData(db);
  console.log(
    `Seeded demo data: ${counts.chargers} chargers, ${counts.merchants} merchants, ${counts.users} accounts.`,
  );
  printDemoAccounts();
} catch (err) {
  console.error("Seeding failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await release();
}
