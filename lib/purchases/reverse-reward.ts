import "server-only";
import type { Tx } from "@/lib/db";
import { accounts, reverseInTx } from "@/lib/ledger";
import type { LockedOrder } from "./order-lock";
import { purchaseKeys } from "./rules";

type RewardState = { id: string; status: string; driverId: string | null };

/**
 * A fully refunded order takes its reward back, once (order row locked by the caller). Paid and
 * still pending: the original is reversed (the merchant gets reward and fee back). Already
 * available: the same, taken from the driver's available cash, which may go below zero — a debt
 * the wallet shows. Not paid yet: nothing moves; the reward closes (its questions too).
 */
export async function reverseForRefund(tx: Tx, order: LockedOrder, reward: RewardState, now = new Date()) {
  const keys = purchaseKeys(order.squareOrderId);
  if (reward.status === "AWAITING_DRIVER") {
    await tx.purchaseReward.updateMany({
      where: { id: reward.id, status: "AWAITING_DRIVER" },
      data: { status: "UNMATCHED", reversedAt: now },
    });
    return "UNMATCHED";
  }
  if (reward.status === "WAITING_FUNDS") {
    await tx.purchaseReward.updateMany({
      where: { id: reward.id, status: "WAITING_FUNDS" },
      data: { status: "REVERSED", reversedAt: now },
    });
    return "REVERSED";
  }
  if (reward.status !== "PENDING" && reward.status !== "AVAILABLE") return reward.status;

  const [paid, released] = await Promise.all([
    tx.ledgerTransaction.findUnique({ where: { idempotencyKey: keys.reward }, select: { id: true } }),
    tx.ledgerTransaction.findUnique({ where: { idempotencyKey: keys.available }, select: { id: true } }),
  ]);
  if (paid) {
    await reverseInTx(tx, {
      transactionId: paid.id,
      idempotencyKey: keys.reversal,
      reason: "Purchase refunded: its reward is taken back",
      actorId: null,
      request: { squareOrderId: order.squareOrderId },
      pendingReleased: released !== null,
      overdraft: released && reward.driverId ? [accounts.driverUsd(reward.driverId)] : undefined,
    });
  }
  await tx.purchaseReward.updateMany({
    where: { id: reward.id, status: reward.status },
    data: { status: "REVERSED", reversedAt: now },
  });
  return "REVERSED";
}
