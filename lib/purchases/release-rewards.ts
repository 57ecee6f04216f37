import "server-only";
import { awardCampaignsInTx } from "@/lib/campaigns";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { accounts, postInTx, riskHoldInTx, runMoneyTx } from "@/lib/ledger";
import { logger } from "@/lib/observability";
import { lockOrder } from "./order-lock";
import { reverseForRefund } from "./reverse-reward";
import { belowMinimumTicket, purchaseKeys } from "./rules";

/**
 * Job: rewards whose refund window has closed move from the driver's pending to available cash
 * (once each: a conditional update on the status, and the release's own ledger key). An order
 * found fully refunded is taken back instead.
 */
export async function unsafeReleaseDuePurchaseRewards(now = new Date()): Promise<{ released: number }> {
  const due = await db().purchaseReward.findMany({
    // a driver held for review keeps purchase rewards pending (checked again in the transaction)
    where: {
      status: "PENDING",
      releaseAt: { lte: now },
      driver: { riskFlags: { none: { status: { in: ["OPEN", "SUSPENDED"] } } } },
    },
    select: { id: true, orderId: true },
    orderBy: { releaseAt: "asc" },
    take: 200,
  });
  let released = 0;
  for (const { id, orderId } of due) {
    const done = await runMoneyTx(async (tx) => {
      const order = await lockOrder(tx, orderId);
      const reward = await tx.purchaseReward.findUnique({
        where: { id },
        select: {
          status: true,
          driverId: true,
          rewardCents: true,
          merchant: { select: { name: true, latitude: true, longitude: true } },
        },
      });
      if (!order || !reward?.driverId || reward.status !== "PENDING") return false;
      if (await riskHoldInTx(tx, reward.driverId)) return false;
      if (belowMinimumTicket(order, config().PURCHASE_MIN_TICKET_CENTS)) {
        await reverseForRefund(tx, order, { id, status: reward.status, driverId: reward.driverId }, now);
        return false;
      }
      const moved = await tx.purchaseReward.updateMany({
        where: { id, status: "PENDING", releaseAt: { lte: now } },
        data: { status: "AVAILABLE" },
      });
      if (moved.count === 0) return false;
      await postInTx(tx, {
        idempotencyKey: purchaseKeys(order.squareOrderId).available,
        type: "PURCHASE_REWARD_RELEASE",
        reason: `Purchase at ${reward.merchant.name}: the refund window has closed`,
        request: { squareOrderId: order.squareOrderId, driverId: reward.driverId },
        metadata: { squareOrderId: order.squareOrderId, rewardId: id },
        lines: [
          { account: accounts.driverPendingUsd(reward.driverId), amount: -BigInt(reward.rewardCents) },
          { account: accounts.driverUsd(reward.driverId), amount: BigInt(reward.rewardCents) },
        ],
      });
      // the purchase is verified now (its refund window closed): its campaigns pay with it, once (the status moved once)
      const { latitude, longitude } = reward.merchant;
      await awardCampaignsInTx(tx, {
        trigger: "purchase_verified",
        id: order.id,
        driverId: reward.driverId,
        occurredAt: order.orderedAt,
        place: { merchantId: order.merchantId, latitude, longitude, isPartner: true },
      });
      return true;
    }).catch((err) => {
      logger.warn({ err, rewardId: id }, "purchase reward release failed");
      return false;
    });
    if (done) released++;
  }
  return { released };
}
