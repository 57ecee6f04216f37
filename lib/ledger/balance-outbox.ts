import type { Tx } from "@/lib/db";

/**
 * Records, in the posting's own transaction, that these drivers' balances changed: one outbox
 * row per driver, so a burst of postings coalesces into one wallet update. A change while the
 * sync is working moves `changedAt`, so the sync's conditional delete keeps the row for another
 * round (at-least-once, never lost). The sync job is woken only when the row is new.
 */
export async function noteDriverBalanceChange(tx: Tx, driverIds: string[]): Promise<void> {
  if (driverIds.length === 0) return;
  const rows = await tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "DriverBalanceChange" ("driverId", "changedAt")
    SELECT unnest(${driverIds}::text[]), clock_timestamp()
    ON CONFLICT ("driverId") DO UPDATE SET "changedAt" = clock_timestamp()
    RETURNING (xmax = 0) AS "inserted"`;
  if (!rows.some((r) => r.inserted)) return;
  // imported when used: the job registry imports the domains, which import the ledger
  const { enqueueInTx, queueReady } = await import("@/lib/jobs/enqueue");
  // without a started queue (scripts, some tests) the minute sweep picks the row up
  if (queueReady()) await enqueueInTx(tx, "sync-wallet-passes", {}, { singletonKey: "wallet", startAfterSeconds: 2 });
}
