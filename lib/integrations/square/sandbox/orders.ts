// Orders made by control calls (a seller ringing up a sale), their changes, and the order.created /
// order.updated webhooks, which carry only a summary: the app fetches the order.
import { emitEvent, isoAt, type Sandbox } from "./context";
import { notFound } from "./errors";
import { newFingerprint, newId } from "./ids";
import { ownLocation } from "./merchants";
import type { Customer, Money, Order, OrderState, Payment } from "./objects";

export type CreateOrderInput = {
  locationId: string;
  totalCents: number;
  /** Attaches a customer with this phone (one per phone and merchant), as Loyalty check-in does. */
  customerPhone?: string;
  /** The card's per-seller fingerprint; a new card when absent. */
  cardFingerprint?: string;
  cardLast4?: string;
  state: "OPEN" | "COMPLETED";
  /** When the sale closed (now unless given); an offline order's lies in the past. */
  closedAt?: Date | string;
  /** "offline": a POS sale synced late, so created_at and closed_at lie before now. */
  source?: "offline";
};

export type OrderPatch = { state?: OrderState; totalCents?: number; closedAt?: Date | string };

export const usd = (cents: number): Money => ({ amount: cents, currency: "USD" });

export function merchantOfOrder(sandbox: Sandbox, order: Order): string {
  return sandbox.state.locations[order.location_id].merchant_id;
}

export function findOrder(sandbox: Sandbox, orderId: string): Order {
  const order = sandbox.state.orders[orderId];
  if (!order) throw notFound("order", orderId);
  return order;
}

export function emitOrderEvent(sandbox: Sandbox, type: "order.created" | "order.updated", order: Order) {
  const key = type === "order.created" ? "order_created" : "order_updated";
  const { id, state, version, location_id, created_at, updated_at } = order;
  emitEvent(sandbox, merchantOfOrder(sandbox, order), type, {
    type: "order",
    id,
    object: { [key]: { order_id: id, state, version, location_id, created_at, updated_at } },
  });
}

function customerFor(sandbox: Sandbox, merchantId: string, phone: string): Customer {
  const found = Object.values(sandbox.state.customers).find(
    (c) => c.merchant_id === merchantId && c.phone_number === phone,
  );
  if (found) return found;
  const at = isoAt(sandbox.now());
  const customer = { id: newId(26), merchant_id: merchantId, phone_number: phone, created_at: at, updated_at: at };
  sandbox.state.customers[customer.id] = customer;
  return customer;
}

const toMs = (value: Date | string) => new Date(value).getTime();

export function createOrder(sandbox: Sandbox, merchantId: string, input: CreateOrderInput): Order {
  const location = ownLocation(sandbox, merchantId, input.locationId);
  if (!Number.isSafeInteger(input.totalCents) || input.totalCents <= 0)
    throw new Error("totalCents is a whole number of cents above 0.");
  const now = sandbox.now();
  const closedMs = input.closedAt ? toMs(input.closedAt) : now;
  const createdAt = isoAt(input.source === "offline" ? closedMs : now);
  const customer = input.customerPhone ? customerFor(sandbox, merchantId, input.customerPhone) : undefined;
  const orderId = newId(26);
  const payment: Payment = {
    id: newId(26),
    status: "COMPLETED",
    source_type: "CARD",
    order_id: orderId,
    location_id: location.id,
    ...(customer && { customer_id: customer.id }),
    amount_money: usd(input.totalCents),
    total_money: usd(input.totalCents),
    card_details: {
      status: "CAPTURED",
      card: {
        card_brand: "VISA",
        last_4: input.cardLast4 ?? "4242",
        fingerprint: input.cardFingerprint ?? newFingerprint(),
      },
    },
    created_at: isoAt(closedMs),
    updated_at: isoAt(closedMs),
  };
  // Square makes a sale OPEN (version 1) and completes it once paid (version 2).
  const order: Order = {
    id: orderId,
    location_id: location.id,
    state: "OPEN",
    version: 1,
    created_at: createdAt,
    updated_at: createdAt,
    total_money: usd(input.totalCents),
    net_amount_due_money: usd(input.totalCents),
    ...(customer && { customer_id: customer.id }),
    source: { name: input.source === "offline" ? "Square Point of Sale (offline)" : "Square Point of Sale" },
  };
  sandbox.state.orders[order.id] = order;
  emitOrderEvent(sandbox, "order.created", order);
  if (input.state === "COMPLETED") {
    sandbox.state.payments[payment.id] = payment;
    order.tenders = [
      {
        id: newId(26),
        location_id: location.id,
        transaction_id: order.id,
        created_at: payment.created_at,
        amount_money: usd(input.totalCents),
        type: "CARD",
        payment_id: payment.id,
        ...(customer && { customer_id: customer.id }),
        card_details: { status: "CAPTURED", entry_method: "CONTACTLESS", card: payment.card_details.card },
      },
    ];
    return updateOrder(sandbox, order.id, { state: "COMPLETED", closedAt: isoAt(closedMs) });
  }
  return order;
}

/** Changes an order as the seller's POS would: version + 1, updated_at now, order.updated sent. */
export function updateOrder(sandbox: Sandbox, orderId: string, patch: OrderPatch): Order {
  const order = findOrder(sandbox, orderId);
  if (patch.totalCents !== undefined) order.total_money = usd(patch.totalCents);
  if (patch.state) order.state = patch.state;
  if (patch.closedAt) order.closed_at = isoAt(toMs(patch.closedAt));
  else if (patch.state && patch.state !== "OPEN" && !order.closed_at) order.closed_at = isoAt(sandbox.now());
  if (order.state === "COMPLETED") order.net_amount_due_money = usd(0);
  order.version += 1;
  order.updated_at = isoAt(sandbox.now());
  emitOrderEvent(sandbox, "order.updated", order);
  return order;
}
