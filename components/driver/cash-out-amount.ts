import { formatUsd } from "@/components/ui/format";

// The cash-out form's arithmetic, on whole cents only (never floating-point dollars). The server
// checks everything again; this is so the driver sees a problem before the confirm step.

export type CashOutLimits = {
  minCents: number;
  maxCents: number;
  dailyCapCents: number;
  instantFeeBps: number;
  /** What today's cap still allows (the server counts it again when the cash-out is made). */
  remainingTodayCents: number;
};

/** The most this driver can cash out now: the balance, one cash-out's maximum and today's remainder. */
export const mostNow = (limits: CashOutLimits, availableCents: number) =>
  Math.min(availableCents, limits.maxCents, limits.remainingTodayCents);
export type CashOutMethod = "STANDARD" | "INSTANT";

const DOLLARS = /^(\d{0,9})(?:\.(\d*))?$/;

/** "12", "12.5", "$1,012.50" → whole cents; more than two decimals is refused, never rounded. */
export function parseDollars(text: string): { cents: number } | { error: string } {
  const plain = text.replace(/[\s$,]/g, "");
  if (plain === "" || plain === ".") return { error: "Enter an amount." };
  const match = DOLLARS.exec(plain);
  if (!match) return { error: "Enter an amount in dollars, like 25.00." };
  const [, whole, fraction = ""] = match;
  if (fraction.length > 2) return { error: "Use at most two digits after the point: amounts are in whole cents." };
  return { cents: Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0")) };
}

/** Cents as the input shows them: "12.50" (no symbol, no separators, so it parses back). */
export const centsToInput = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

/** The instant fee as the server takes it: rounded up to the cent (mirrors lib/payouts instantFeeCents). */
export const feeFor = (cents: number, method: CashOutMethod, bps: number) =>
  method === "INSTANT" ? Math.ceil((cents * bps) / 10_000) : 0;

/** "usually within 30 minutes" → "Usually within 30 minutes", for a line of its own. */
export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "1%", "1.5%" */
export const percentOf = (bps: number) => `${bps / 100}%`;

/** Why this amount cannot be cashed out, in a sentence, or null (the server checks all of it again). */
export function amountProblem(cents: number, limits: CashOutLimits, availableCents: number): string | null {
  if (cents < limits.minCents) return `The smallest cash-out is ${formatUsd(limits.minCents)}.`;
  if (cents > limits.maxCents) return `The largest single cash-out is ${formatUsd(limits.maxCents)}.`;
  if (cents > availableCents) return `You have ${formatUsd(availableCents)} available to cash out.`;
  if (cents > limits.remainingTodayCents)
    return `You can cash out ${formatUsd(limits.remainingTodayCents)} more today (the limit is ${formatUsd(limits.dailyCapCents)} a day).`;
  return null;
}

/** "From $1.00 to $100.00 per cash-out, up to $200.00 a day" */
export const limitsInWords = (limits: CashOutLimits) =>
  `From ${formatUsd(limits.minCents)} to ${formatUsd(limits.maxCents)} per cash-out, up to ${formatUsd(limits.dailyCapCents)} a day` +
  (limits.remainingTodayCents < limits.dailyCapCents ? ` (${formatUsd(limits.remainingTodayCents)} left today).` : ".");
