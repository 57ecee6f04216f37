import "server-only";
import type { Square } from "square";
import type { OrderFacts } from "./event";

// The largest amount a SquareOrder column holds (PostgreSQL integer): over it, refuse rather than round.
const MAX_CENTS = 2_147_483_647n;
// Refunds that give money back (or will): a rejected or failed one gives nothing back.
const NO_MONEY_BACK = new Set(["REJECTED", "FAILED"]);

/** Square's bigint money as whole cents, or an error: never a rounded or negative amount. */
export function centsOf(amount: bigint | number | null | undefined, what: string): number {
  const value = BigInt(amount ?? 0);
  if (value < 0n || value > MAX_CENTS) throw new Error(`Square sent ${what} of ${value} cents, which we cannot store.`);
  return Number(value);
}

/** A phone number as E.164 (US numbers may come without +1), or null when it is not one. */
export function toE164(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = raw.replace(/[\s().-]/g, "");
  const e164 = /^\d{10}$/.test(digits) ? `+1${digits}` : /^1\d{10}$/.test(digits) ? `+${digits}` : digits;
  return /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : null;
}

function dateOf(value: string | null | undefined, what: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Square sent an unreadable ${what}: ${value}`);
  return date;
}

/** What the sale's refunds gave back: its refunds (not rejected or failed), or its returns' total if larger. */
function refundedOf(order: Square.Order): number {
  const refunds = (order.refunds ?? [])
    .filter((r) => !NO_MONEY_BACK.has(r.status))
    .reduce((sum, r) => sum + BigInt(r.amountMoney.amount ?? 0), 0n);
  const returned = BigInt(order.returnAmounts?.totalMoney?.amount ?? 0);
  return centsOf(refunds > returned ? refunds : returned, "a refunded amount");
}

/** The facts we keep of a sale, read from Square's current copy of it. */
export function orderFacts(order: Square.Order, customerPhone: string | null): OrderFacts {
  if (!order.id) throw new Error("Square sent an order without an id.");
  const closedAt = dateOf(order.closedAt, "closed_at");
  const createdAt = dateOf(order.createdAt, "created_at");
  return {
    squareOrderId: order.id,
    squareLocationId: order.locationId,
    version: order.version ?? 1,
    state: order.state ?? "OPEN",
    totalCents: centsOf(order.totalMoney?.amount, "an order total"),
    refundedCents: refundedOf(order),
    currency: order.totalMoney?.currency ?? "USD",
    customerPhone,
    cardFingerprint:
      order.tenders?.find((t) => t.cardDetails?.card?.fingerprint)?.cardDetails?.card?.fingerprint ?? null,
    // an offline order's own time, not when it reached us
    orderedAt: closedAt ?? createdAt ?? new Date(),
    closedAt,
  };
}
