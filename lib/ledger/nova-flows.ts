import "server-only";
import type { Db, Tx } from "@/lib/db";

export type DriverNovaFlow = { at: Date; net: bigint };

/**
 * Each transaction's net change to one driver's Nova (available, held and pending together), oldest
 * first. Moves between the driver's own accounts (holds, releases, a reward becoming available)
 * net to zero and are left out; so are reversals and the transactions they reverse, which cancel
 * each other exactly: a forfeited or reversed credit never counted, a reversed spend never spent.
 */
export async function driverNovaFlows(client: Db | Tx, driverId: string): Promise<DriverNovaFlow[]> {
  const rows = await client.$queryRaw<{ at: Date; net: bigint }[]>`
    SELECT t."createdAt" AS at, SUM(e."amount")::bigint AS net
    FROM "LedgerEntry" e
    JOIN "LedgerAccount" a ON a."id" = e."accountId"
    JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
    WHERE a."ownerType" = 'DRIVER' AND a."ownerId" = ${driverId} AND a."currency" = 'NOVA'
      AND t."reversesId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "LedgerTransaction" r WHERE r."reversesId" = t."id")
    GROUP BY t."id", t."createdAt"
    HAVING SUM(e."amount") <> 0
    ORDER BY t."createdAt", t."id"`;
  return rows.map((r) => ({ at: r.at, net: BigInt(r.net) }));
}

/**
 * Locks the driver's available Nova account for the rest of the transaction (every posting that
 * moves it waits) and returns its balance; null when the driver never had one.
 */
export async function lockDriverNovaInTx(tx: Tx, driverId: string): Promise<bigint | null> {
  const rows = await tx.$queryRaw<{ balance: bigint }[]>`
    SELECT "balance" FROM "LedgerAccount"
    WHERE "ownerType" = 'DRIVER' AND "ownerId" = ${driverId} AND "kind" = 'AVAILABLE' AND "currency" = 'NOVA'
    FOR UPDATE`;
  return rows.length ? BigInt(rows[0].balance) : null;
}
