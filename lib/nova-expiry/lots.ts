// Pure rules of Nova expiry (no I/O): dates in UTC days, first-in-first-out lots without lot rows.

/** One transaction's net change to a driver's Nova (available + held + pending), in time order. */
export type NovaFlow = { at: Date; net: bigint };
export type NovaExpiry = { expiresOn: Date; amount: bigint };

const DAY = 86_400_000;

export const startOfUtcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** `d` moved by whole months, the day clamped to the month's length (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes()));
}

/** On day `now`, Nova earned before this instant expire (an inactive driver's). */
export const expiryCutoff = (now: Date, months: number) => addMonths(startOfUtcDay(now), -months);

/** The first day whose cutoff passes `at`: the day Nova earned (or activity) at `at` stops counting. */
export function expiresOn(at: Date, months: number): Date {
  let day = addMonths(startOfUtcDay(at), months);
  while (expiryCutoff(day, months) <= at) day = new Date(day.getTime() + DAY);
  while (expiryCutoff(new Date(day.getTime() - DAY), months) > at) day = new Date(day.getTime() - DAY);
  return day;
}

const debitsOf = (flows: NovaFlow[]) => flows.reduce((sum, f) => (f.net < 0n ? sum - f.net : sum), 0n);

/**
 * Nova still alive from credits earned before `cutoff`: spending is first-in-first-out, so every
 * debit so far (spends, confirmed redemptions, earlier expiries) used the oldest credits first.
 * Holds, releases and pending → available moves net to zero for the driver and are no flows; a
 * reversal and the transaction it reverses are both left out by the caller (the reversed Nova
 * never counted), so a forfeited reward does not eat older lots.
 */
export function aliveBefore(flows: NovaFlow[], cutoff: Date): bigint {
  const credits = flows.reduce((sum, f) => (f.net > 0n && f.at < cutoff ? sum + f.net : sum), 0n);
  const alive = credits - debitsOf(flows);
  return alive > 0n ? alive : 0n;
}

/**
 * The next date some of the driver's Nova expires and how much, if nothing is spent before it:
 * the oldest credit not yet used up expires `months` after it was earned, or after the last
 * activity if that is later (activity keeps every lot alive); all lots earned before that
 * date's cutoff go together.
 */
export function nextExpiry(flows: NovaFlow[], lastActivity: Date | null, months: number, now: Date): NovaExpiry | null {
  if (months <= 0) return null;
  const debits = debitsOf(flows);
  let earned = 0n;
  const oldestAlive = flows.find((f) => f.net > 0n && (earned += f.net) > debits);
  if (!oldestAlive) return null;
  const dates = [expiresOn(oldestAlive.at, months), startOfUtcDay(now)];
  if (lastActivity) dates.push(expiresOn(lastActivity, months));
  const day = new Date(Math.max(...dates.map((d) => d.getTime())));
  const amount = aliveBefore(flows, expiryCutoff(day, months));
  return amount > 0n ? { expiresOn: day, amount } : null;
}
