import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { formatUsd } from "./words";

export type PayoutLimits = { minCents: number; maxCents: number; dailyCapCents: number; instantFeeBps: number };

export function payoutLimits(): PayoutLimits {
  const env = config();
  return {
    minCents: env.PAYOUT_MIN_CENTS,
    maxCents: env.PAYOUT_MAX_CENTS,
    dailyCapCents: env.PAYOUT_DAILY_CAP_CENTS,
    instantFeeBps: env.PAYOUT_INSTANT_FEE_BPS,
  };
}

/** Stripe's instant fee, rounded up to the cent so the platform never pays part of it. */
export function instantFeeCents(amountCents: number, bps = payoutLimits().instantFeeBps): number {
  return Math.ceil((amountCents * bps) / 10_000);
}

/** The calendar day in the business time zone (the daily cap resets at its midnight). */
export function businessDay(at: Date = new Date(), timeZone = config().BUSINESS_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export const dailyUsageKey = (userId: string, day: string) => `payout-day:${userId}:${day}`;

/** Why this amount may not be cashed out at all (before balance and today's cap), or null. */
export function amountRefusal(amountCents: number, limits = payoutLimits()): string | null {
  if (amountCents < limits.minCents) return `The smallest cash-out is ${formatUsd(limits.minCents)}.`;
  if (amountCents > limits.maxCents) return `The largest single cash-out is ${formatUsd(limits.maxCents)}.`;
  return null;
}

/** When the money should reach the bank: instant within about 30 minutes, standard in 2 business days. */
export function expectedArrivalText(method: "STANDARD" | "INSTANT"): string {
  return method === "INSTANT" ? "usually within 30 minutes" : "in 1–2 business days";
}

/** Cents already cashed out on the business day (the cap's counter; a returned cash-out gives its share back). */
export async function usedToday(
  client: Pick<Tx, "usageCounter">,
  userId: string,
  day = businessDay(),
): Promise<number> {
  const row = await client.usageCounter.findUnique({
    where: { key: dailyUsageKey(userId, day) },
    select: { used: true },
  });
  return Number(row?.used ?? 0n);
}

/** How much more the driver may cash out today. */
export async function remainingToday(userId: string, cap = payoutLimits().dailyCapCents): Promise<number> {
  return Math.max(0, cap - (await usedToday(db(), userId)));
}

export function capRefusal(usedCents: number, capCents: number): string {
  const left = Math.max(0, capCents - usedCents);
  return left === 0
    ? `You have reached today's cash-out limit of ${formatUsd(capCents)}. Try again tomorrow.`
    : `You can cash out ${formatUsd(left)} more today (the limit is ${formatUsd(capCents)} a day). Try a smaller amount.`;
}
