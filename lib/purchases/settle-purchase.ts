import "server-only";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { matchNewOrder } from "./match-order";
import { lockOrder } from "./order-lock";
import { reverseForRefund } from "./reverse-reward";
import { belowMinimumTicket } from "./rules";

export type SettleOutcome = { status: string } | null;

/**
 * The Square webhook's call, in the transaction that stored the event, after the SquareOrder row
 * holds the order's newest version; called on every delivery (redeliveries, fulfillment updates,
 * refunds). Locks the order row first, so concurrent deliveries decide one after another: the
 * first sight of a COMPLETED order matches it and pays, waits or asks; later calls only take the
 * reward back on a full refund (once). The ledger keys are the last guard. Never calls db() or a
 * provider. Null while the order is not completed (nothing to decide yet) or unknown.
 */
export async function unsafeSettlePurchase(tx: Tx, orderId: string, now = new Date()): Promise<SettleOutcome> {
  const order = await lockOrder(tx, orderId);
  if (!order) return null;
  const reward = await tx.purchaseReward.findUnique({
    where: { orderId: order.id },
    select: { id: true, status: true, driverId: true },
  });
  if (reward) {
    if (!belowMinimumTicket(order, config().PURCHASE_MIN_TICKET_CENTS)) return { status: reward.status };
    return { status: await reverseForRefund(tx, order, reward, now) };
  }
  if (order.state !== "COMPLETED") return null;
  return { status: await matchNewOrder(tx, order, now) };
}
