import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/observability";
import { REVERSAL_REFUSED, unsafeReverseFailedPayout } from "./return-money";
import { unsafeAdvancePayout } from "./submit-payout";

const MINUTE = 60_000;

/**
 * The safety net under the queue and the webhooks (every few minutes): payouts whose job gave up
 * are advanced again (same keys), payouts past their expected arrival are re-read from Stripe in
 * case a webhook was lost, and failed payouts still holding the driver's money are reversed again.
 * Nothing stays "pending forever" without someone seeing why on its timeline.
 */
export async function unsafeSweepPayouts(now = new Date()): Promise<{ advanced: number; reversed: number }> {
  const quiet = new Date(now.getTime() - 5 * MINUTE);
  const stuck = await db().payout.findMany({
    where: {
      updatedAt: { lt: quiet },
      OR: [
        { state: { in: ["REQUESTED", "TRANSFER_SUBMITTED", "TRANSFERRED"] } },
        { state: "PAYOUT_SUBMITTED", stripePayoutId: null },
        { state: "PAYOUT_SUBMITTED", expectedArrival: { lt: new Date(now.getTime() - 60 * MINUTE) } },
      ],
    },
    select: { id: true },
    orderBy: { updatedAt: "asc" },
    take: 100,
  });
  for (const { id } of stuck)
    await unsafeAdvancePayout(id).catch((err) => logger.warn({ err, payoutId: id }, "sweep could not advance payout"));
  const failed = await db().payout.findMany({
    // a reversal Stripe refused is not retried on a timer: it waits for an admin's decision
    where: {
      state: "FAILED",
      stripeTransferId: { not: null },
      updatedAt: { lt: quiet },
      NOT: { lastError: { startsWith: REVERSAL_REFUSED } },
    },
    select: { id: true },
    take: 100,
  });
  for (const { id } of failed)
    await unsafeReverseFailedPayout(id).catch((err) => logger.warn({ err, payoutId: id }, "sweep could not reverse"));
  return { advanced: stuck.length, reversed: failed.length };
}
