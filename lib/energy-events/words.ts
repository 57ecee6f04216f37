// Times and amounts in the words a result is told in (the business time zone's wall clock).

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "17:42" on the zone's wall clock. */
export function clockTime(at: Date, timeZone: string): string {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clocks.set(timeZone, f);
  }
  return f.format(at);
}

/** "Tue 2 Dec, 01:00–05:00" on the zone's wall clock. */
export function windowWords(w: { startsAt: Date; endsAt: Date }, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" });
  return `${day.format(w.startsAt)}, ${clockTime(w.startsAt, timeZone)}–${clockTime(w.endsAt, timeZone)}`;
}

export const kwhWords = (kwh: number) => `${kwh.toLocaleString("en-US", { maximumFractionDigits: 2 })} kWh`;
export const novaWords = (nova: number) => `${nova.toLocaleString("en-US")} Nova`;

/** What the event pays for, in a line for its card. */
export function bonusWords(e: {
  kind: "CHARGE" | "PAUSE";
  novaPerKwh: number | null;
  fixedNova: number | null;
  minKwh: number;
}) {
  if (e.kind === "PAUSE")
    return `Don't charge in the window; charge before or after it. Earn ${novaWords(e.fixedNova ?? 0)}.`;
  return e.fixedNova
    ? `Charge at least ${kwhWords(e.minKwh)} in the window. Earn ${novaWords(e.fixedNova)}.`
    : `Charge in the window. Earn ${novaWords(e.novaPerKwh ?? 0)} per kWh (at least ${kwhWords(e.minKwh)}).`;
}

const OUTCOME_WORDS: Record<string, string> = {
  EARNED: "earned",
  NOT_EARNED: "not earned",
  NOT_VERIFIED: "not verified",
  HELD: "held for review",
  failed: "could not be settled now (the job tries again)",
};

/**
 * "Settle now"'s answer in a sentence. A second click, or a click racing another, finds every
 * participation decided already (each one is decided once, under its row lock) and says so.
 */
export function settleSummary(counts: Partial<Record<string, number>>): string {
  const decided = Object.entries(counts).filter(([outcome, n]) => n && OUTCOME_WORDS[outcome]);
  if (decided.length === 0)
    return "Nothing was left to settle: every participation was settled already, and nobody is paid twice.";
  return `Settled: ${decided.map(([outcome, n]) => `${n} ${OUTCOME_WORDS[outcome]}`).join(", ")}.`;
}
