import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type RiskHold = { flagId: string; summary: string };

/**
 * Inside a money transaction about a driver: the review hold on them, or null. The driver's row
 * is share-locked first, and every flag writer (lib/risk) takes it for update, so a flag raised or
 * decided concurrently is either seen here or waits for this transaction: never read-then-write.
 */
export async function riskHoldInTx(tx: Tx, driverId: string): Promise<RiskHold | null> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${driverId} FOR SHARE`;
  const rows = await tx.$queryRaw<{ id: string; summary: string }[]>`
    SELECT "id", "summary" FROM "RiskFlag"
    WHERE "driverId" = ${driverId} AND "status" IN ('OPEN', 'SUSPENDED')
    ORDER BY "createdAt" ASC LIMIT 1`;
  return rows[0] ? { flagId: rows[0].id, summary: rows[0].summary } : null;
}

export const heldForReview = () =>
  new AppError(
    "account_on_hold",
    "Cash-out is paused while we review recent activity on your account. Your rewards stay pending until the review ends; this usually takes a day.",
  );

/** Refuses a cash-out while the driver is held for review (in the cash-out's own transaction). */
export async function assertNotHeld(tx: Tx, driverId: string): Promise<void> {
  if (await riskHoldInTx(tx, driverId)) throw heldForReview();
}
