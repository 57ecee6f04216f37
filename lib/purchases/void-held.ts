import "server-only";
import type { Tx } from "@/lib/db";
import { reverseInTx } from "@/lib/ledger";
import { lockOrder } from "./order-lock";
import { purchaseKeys } from "./rules";

/**
 * Review voided: the driver's purchase rewards still pending are taken back (the merchant gets
 * reward and fee back), under the order's one reversal key, so a later refund finds it done.
 */
export async function voidPendingPurchaseRewards(
  tx: Tx,
  input: { driverId: string; reason: string; actorId: string },
  now = new Date(),
): Promise<string[]> {
  const pending = await tx.purchaseReward.findMany({
    where: { driverId: input.driverId, status: "PENDING" },
    select: { id: true, orderId: true },
  });
  const reversed: string[] = [];
  for (const reward of pending) {
    const order = await lockOrder(tx, reward.orderId);
    if (!order) continue;
    const moved = await tx.purchaseReward.updateMany({
      where: { id: reward.id, status: "PENDING" },
      data: { status: "REVERSED", reversedAt: now },
    });
    if (moved.count === 0) continue;
    const paid = await tx.ledgerTransaction.findUnique({
      where: { idempotencyKey: purchaseKeys(order.squareOrderId).reward },
      select: { id: true },
    });
    if (!paid) continue;
    const posted = await reverseInTx(tx, {
      transactionId: paid.id,
      idempotencyKey: purchaseKeys(order.squareOrderId).reversal,
      reason: `Voided on review: ${input.reason}`,
      actorId: input.actorId,
      request: { squareOrderId: order.squareOrderId },
    });
    reversed.push(posted.transactionId);
  }
  return reversed;
}
