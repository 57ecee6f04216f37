import "server-only";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { enqueueInTx, queueReady } from "@/lib/jobs";
import { accounts, tryPostInTx } from "@/lib/ledger";
import { requestMerchantNotice } from "./notices";
import type { LockedOrder } from "./order-lock";
import { purchaseKeys, releaseAtFor } from "./rules";

export type MatchedReward = {
  id: string;
  driverId: string;
  rewardCents: number;
  feeCents: number;
  merchantName: string;
};

/**
 * Pays a matched reward (status WAITING_FUNDS, order row locked by the caller): the reward to the
 * driver's pending cash and the fee to the platform, both from the merchant's prepaid cash, as
 * one ledger transaction keyed by the order. When the prepaid cash cannot fund it, nothing moves,
 * the reward keeps waiting and the owners are told. Returns the reward's status afterwards.
 */
export async function payMatchedReward(
  tx: Tx,
  order: LockedOrder,
  reward: MatchedReward,
  now = new Date(),
): Promise<"PENDING" | "WAITING_FUNDS"> {
  const env = config();
  const posted = await tryPostInTx(tx, {
    idempotencyKey: purchaseKeys(order.squareOrderId).reward,
    type: "PURCHASE_REWARD",
    reason: `Purchase at ${reward.merchantName} (pending until the refund window closes)`,
    request: {
      squareOrderId: order.squareOrderId,
      merchantId: order.merchantId,
      driverId: reward.driverId,
      rewardCents: reward.rewardCents,
      feeCents: reward.feeCents,
    },
    metadata: { squareOrderId: order.squareOrderId, rewardId: reward.id, totalCents: order.totalCents },
    insufficientMessage: "The merchant's prepaid balance cannot fund this purchase reward yet.",
    lines: [
      { account: accounts.merchantUsd(order.merchantId), amount: -BigInt(reward.rewardCents + reward.feeCents) },
      { account: accounts.driverPendingUsd(reward.driverId), amount: BigInt(reward.rewardCents) },
      ...(reward.feeCents > 0 ? [{ account: accounts.feesUsd(), amount: BigInt(reward.feeCents) }] : []),
    ],
  });
  if (!posted) {
    await requestMerchantNotice(tx, order.merchantId, "waiting-funds", now);
    return "WAITING_FUNDS";
  }
  const releaseAt = releaseAtFor(order.orderedAt, env.PURCHASE_REFUND_WINDOW_HOURS);
  await tx.purchaseReward.updateMany({
    where: { id: reward.id, status: "WAITING_FUNDS" },
    data: { status: "PENDING", paidAt: now, releaseAt },
  });
  // the release runs when the window closes (the 5-minute sweep covers a caller without a started queue)
  if (queueReady())
    await enqueueInTx(
      tx,
      "release-purchase-rewards",
      {},
      {
        startAfterSeconds: Math.max(0, Math.ceil((releaseAt.getTime() - now.getTime()) / 1000)),
        singletonKey: `purchase-release:${reward.id}`,
      },
    );
  const left = await tx.ledgerAccount.findUnique({
    where: {
      ownerType_ownerId_kind_currency_shard: {
        ownerType: "MERCHANT",
        ownerId: order.merchantId,
        kind: "AVAILABLE",
        currency: "USD",
        shard: 0,
      },
    },
    select: { balance: true },
  });
  if ((left?.balance ?? 0n) < BigInt(env.MERCHANT_LOW_BALANCE_CENTS))
    await requestMerchantNotice(tx, order.merchantId, "low-balance", now);
  return "PENDING";
}
