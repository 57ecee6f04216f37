/** Pure rules of purchase rewards (no I/O): keys, the matching window, refunds, the driver's question. */

/** A charger this close to the order's location counts as "at the merchant", besides the merchant's own charger. */
export const NEARBY_CHARGER_METERS = 500;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A reward in these states holds its charging visit: one purchase a visit earns (a partial unique index). */
export const LIVE_REWARD = ["WAITING_FUNDS", "PENDING", "AVAILABLE"] as const;

/** Ledger keys: one reward, one release, one reversal per Square order, whatever the delivery pattern. */
export const purchaseKeys = (squareOrderId: string) => ({
  reward: `purchase:${squareOrderId}`,
  available: `purchase:${squareOrderId}:available`,
  reversal: `purchase:${squareOrderId}:reversal`,
});

export type MatchTimes = { beforeMinutes: number; afterMinutes: number };

/**
 * Whether a sale at `orderedAt` falls in a session's window: from its start − before to its end
 * (or now, while it is still in progress) + after. The order's own timestamp counts, so an
 * offline order that reaches us hours later still matches the session it happened during.
 */
export function inMatchWindow(
  session: { startedAt: Date; endedAt: Date | null },
  orderedAt: Date,
  now: Date,
  times: MatchTimes,
): boolean {
  const from = session.startedAt.getTime() - times.beforeMinutes * MINUTE;
  const to = (session.endedAt ?? now).getTime() + times.afterMinutes * MINUTE;
  return orderedAt.getTime() >= from && orderedAt.getTime() <= to;
}

/** The widest window search: sessions that started by orderedAt + before and did not end before orderedAt − after. */
export function windowBounds(orderedAt: Date, times: MatchTimes) {
  return {
    startedBy: new Date(orderedAt.getTime() + times.beforeMinutes * MINUTE),
    endedNotBefore: new Date(orderedAt.getTime() - times.afterMinutes * MINUTE),
  };
}

/** Offline orders reach Square late, but a sale older than this when we first see it is not rewarded. */
export const tooLate = (orderedAt: Date, now: Date, lateHours: number) =>
  now.getTime() - orderedAt.getTime() > lateHours * HOUR;

/**
 * Whether a sale (no longer) earns the flat reward: what is left after refunds must be at least the
 * minimum ticket (never below a cent), so a full refund, or one that leaves less, takes the reward
 * back, and a one-cent sale never earns $1.50.
 */
export const belowMinimumTicket = (order: { totalCents: number; refundedCents: number }, minTicketCents: number) =>
  order.totalCents - order.refundedCents < Math.max(1, minTicketCents);

/** When the refund window closes and a pending reward becomes available. */
export const releaseAtFor = (orderedAt: Date, refundWindowHours: number) =>
  new Date(orderedAt.getTime() + refundWindowHours * HOUR);

const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

/** "Was this your $12.40 at Mueller Market Coffee?" */
export const purchaseQuestion = (totalCents: number, merchantName: string) =>
  `Was this your ${usd(totalCents)} at ${merchantName}?`;
