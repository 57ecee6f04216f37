// A refund as Square records it: a separate return order linked to the sale, a refund object that
// goes PENDING → COMPLETED (refund.created, refund.updated), and the sale's `refunds` updated.
import { emitEvent, isoAt, type Sandbox } from "./context";
import { newId } from "./ids";
import { emitOrderEvent, findOrder, merchantOfOrder, usd } from "./orders";
import type { Order, Refund } from "./objects";

const refundedCents = (order: Order) => (order.refunds ?? []).reduce((sum, r) => sum + r.amount_money.amount, 0);

export function refundOrder(sandbox: Sandbox, orderId: string, amountCents?: number) {
  const sale = findOrder(sandbox, orderId);
  const tender = sale.tenders?.[0];
  if (sale.state !== "COMPLETED" || !tender)
    throw new Error(`Order ${orderId} has no completed card payment to refund.`);
  const remaining = sale.total_money.amount - refundedCents(sale);
  const amount = amountCents ?? remaining;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > remaining)
    throw new Error(`A refund of ${orderId} is 1 to ${remaining} cents.`);
  const merchantId = merchantOfOrder(sandbox, sale);
  const at = isoAt(sandbox.now());

  const returnOrder: Order = {
    id: newId(26),
    location_id: sale.location_id,
    state: "COMPLETED",
    version: 1,
    created_at: at,
    updated_at: at,
    closed_at: at,
    total_money: usd(0),
    net_amount_due_money: usd(0),
    ...(sale.customer_id && { customer_id: sale.customer_id }),
    returns: [{ uid: newId(22), source_order_id: sale.id }],
    return_amounts: { total_money: usd(amount) },
    source: sale.source,
  };
  sandbox.state.orders[returnOrder.id] = returnOrder;
  emitOrderEvent(sandbox, "order.created", returnOrder);

  const refund: Refund = {
    id: `${tender.payment_id}_${newId(20)}`,
    status: "PENDING",
    location_id: sale.location_id,
    payment_id: tender.payment_id,
    order_id: returnOrder.id,
    amount_money: usd(amount),
    reason: "Returned goods",
    created_at: at,
    updated_at: at,
  };
  sandbox.state.refunds[refund.id] = refund;
  const refundEvent = (type: string) =>
    emitEvent(sandbox, merchantId, type, { type: "refund", id: refund.id, object: { refund } });
  refundEvent("refund.created");

  sale.refunds = [
    ...(sale.refunds ?? []),
    {
      id: refund.id,
      location_id: sale.location_id,
      tender_id: tender.id,
      amount_money: usd(amount),
      status: "COMPLETED",
      reason: refund.reason,
    },
  ];
  sale.version += 1;
  sale.updated_at = at;
  const payment = sandbox.state.payments[tender.payment_id];
  if (payment) payment.refunded_money = usd(refundedCents(sale));
  emitOrderEvent(sandbox, "order.updated", sale);

  refund.status = "COMPLETED";
  refundEvent("refund.updated");
  return { returnOrder, refund };
}
