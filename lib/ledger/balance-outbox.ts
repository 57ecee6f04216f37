import type { Tx } from "@/lib/db";

// The balance outbox: ledger_post notes, in the posting's own statement, that a driver's balances
// changed (one "DriverBalanceChange" row per driver, so a burst of postings coalesces into one
// wallet update). A change while the sync is working moves `changedAt`, so the sync's conditional
// delete keeps the row for another round (at-least-once, never lost).

/**
 * Wakes the wallet sync when a posting made a new outbox row. With a transaction, the job commits
 * with the posting; with `db()` (postNow: the posting has committed) it follows it. Without a
 * started queue (scripts, some tests) the minute sweep picks the row up.
 */
export async function wakeWalletSync(tx: Tx): Promise<void> {
  // imported when used: the job registry imports the domains, which import the ledger
  const { enqueueInTx, queueReady } = await import("@/lib/jobs/enqueue");
  if (queueReady()) await enqueueInTx(tx, "sync-wallet-passes", {}, { singletonKey: "wallet", startAfterSeconds: 2 });
}
