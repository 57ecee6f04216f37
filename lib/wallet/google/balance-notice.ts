import { cardCash } from "../card";

/** The balances a Google object shows, and the text stored to skip no-op patches. */
export type SentBalances = { nova: number; held: number; cashCents: number };

export const balanceText = (b: SentBalances) => `${b.nova} Nova · ${b.held} held · ${cardCash(b.cashCents)}`;

const TEXT = /^(-?\d+) Nova · (\d+) held · (−?)\$(\d+)\.(\d\d)$/;

/** The balances last sent, or null when none were (or the text is of another format). */
export function parseBalanceText(text: string | null): SentBalances | null {
  const m = text ? TEXT.exec(text) : null;
  if (!m) return null;
  const cents = Number(m[4]) * 100 + Number(m[5]);
  return { nova: Number(m[1]), held: Number(m[2]), cashCents: m[3] ? -cents : cents };
}

export type Notice = { header: string; body: string };

/**
 * A notice only for news the driver cares about: Nova or cash that came in. A hold, a spend, a
 * released hold (held back to available) or a payout changes the card silently. Google shows at
 * most 3 notices a pass a day, so they are kept for these.
 */
export function balanceNotice(prev: SentBalances | null, next: SentBalances): Notice | null {
  if (!prev) return null;
  const earnedNova = next.nova + next.held - (prev.nova + prev.held);
  const earnedCash = next.cashCents - prev.cashCents;
  const now = `You have ${next.nova} Nova and ${cardCash(next.cashCents)}.`;
  if (earnedNova > 0) return { header: "Nova earned", body: `+${earnedNova} Nova. ${now}` };
  if (earnedCash > 0) return { header: "Cash reward", body: `+${cardCash(earnedCash)}. ${now}` };
  return null;
}
