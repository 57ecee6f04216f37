import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { flagRefusal, isEnabled } from "@/lib/flags";

/**
 * Why a purchase at this merchant cannot earn a reward now (the kill switch is off, or the
 * merchant is not ACTIVE), or null. The merchant row is share-locked, so a suspension racing
 * a payment either waits for it or is seen by it.
 */
export async function purchaseRewardsClosed(tx: Tx, merchantId: string): Promise<AppError | null> {
  if (!(await isEnabled("PURCHASE_REWARDS_ENABLED", tx))) return flagRefusal("PURCHASE_REWARDS_ENABLED");
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "Merchant" WHERE "id" = ${merchantId} FOR SHARE`;
  if (rows[0]?.status === "ACTIVE") return null;
  return new AppError("merchant_inactive", "This shop is not in the program right now, so its purchases earn nothing.");
}
