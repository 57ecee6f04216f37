import { energyInWindow, readingsInside, counterSteps, stepInside, type Reading } from "./energy";
import { clockTime, kwhWords, novaWords } from "./words";

// Whether a driver did what an energy event asked, from their car's readings alone, with the reason
// in words. Pure: the settlement and the tests run the same code.

export type EventTerms = {
  kind: "CHARGE" | "PAUSE";
  startsAt: Date;
  endsAt: Date;
  novaPerKwh: number | null;
  fixedNova: number | null;
  minKwh: number;
};
export type Judgement = {
  status: "EARNED" | "NOT_EARNED" | "NOT_VERIFIED";
  /** kWh charged inside the window (null: the car did not report its energy counter there). */
  kwh: number | null;
  /** What the event's terms pay for it, before its budget. */
  nova: number;
  reason: string;
};

/** A pause is seen from start to end: the first reading inside within this of the start, the last within this of the end. */
export const PAUSE_COVER_MS = 30 * 60_000;
/** A pause shifts charging: the car charged within this before the window or after it. */
export const PAUSE_SHIFT_MS = 3 * 3600_000;
/** Energy below this between two readings inside a pause is the counter's noise, not charging. */
const NOISE_KWH = 0.05;

export const NO_DATA = "not verified: no data from your car in the window";

export function judgeParticipation(terms: EventTerms, readings: Reading[], timeZone: string): Judgement {
  const w = { from: terms.startsAt, to: terms.endsAt };
  const between = `between ${clockTime(w.from, timeZone)} and ${clockTime(w.to, timeZone)}`;
  const inside = readingsInside(readings, w);
  if (inside.length === 0) return { status: "NOT_VERIFIED", kwh: null, nova: 0, reason: NO_DATA };
  const kwh = energyInWindow(readings, w);
  return terms.kind === "CHARGE"
    ? judgeCharge(terms, inside, kwh, between)
    : judgePause(terms, readings, kwh, timeZone);
}

function judgeCharge(terms: EventTerms, inside: Reading[], kwh: number | null, between: string): Judgement {
  const nothing = { kwh, nova: 0 };
  if (kwh === null) {
    const charging = inside.find((r) => r.chargeState === "CHARGING");
    return charging
      ? {
          status: "NOT_VERIFIED",
          ...nothing,
          reason: "not verified: your car said it was charging but not how much energy it added",
        }
      : { status: "NOT_EARNED", ...nothing, reason: `not earned: no charging seen ${between}` };
  }
  if (kwh === 0) return { status: "NOT_EARNED", ...nothing, reason: `not earned: no charging seen ${between}` };
  if (kwh < terms.minKwh)
    return {
      status: "NOT_EARNED",
      ...nothing,
      reason: `not earned: ${kwhWords(kwh)} ${between}, under the event's minimum of ${kwhWords(terms.minKwh)}`,
    };
  // whole hundredths of a kWh times the rate, rounded down: no float drift (12.34 × 10 is 123, not 123.3999…)
  const nova = terms.fixedNova ?? Math.floor((Math.round(kwh * 100) * (terms.novaPerKwh ?? 0)) / 100);
  return { status: "EARNED", kwh, nova, reason: `earned ${novaWords(nova)} for ${kwhWords(kwh)} ${between}` };
}

function judgePause(terms: EventTerms, readings: Reading[], kwh: number | null, zone: string): Judgement {
  const w = { from: terms.startsAt, to: terms.endsAt };
  const inside = readingsInside(readings, w);
  const charging = inside.find((r) => r.chargeState === "CHARGING");
  if (charging)
    return {
      status: "NOT_EARNED",
      kwh,
      nova: 0,
      reason: `not earned: charged during the pause at ${clockTime(charging.capturedAt, zone)}`,
    };
  // energy between two readings that are both inside: the car charged unseen between them
  const unseen = counterSteps(inside).find((s) => s.kwh > NOISE_KWH);
  if (unseen)
    return {
      status: "NOT_EARNED",
      kwh,
      nova: 0,
      reason: `not earned: your car added ${kwhWords(unseen.kwh)} during the pause, by ${clockTime(unseen.to, zone)}`,
    };
  const [first, last] = [inside[0], inside[inside.length - 1]];
  if (
    first.capturedAt.getTime() - w.from.getTime() > PAUSE_COVER_MS ||
    w.to.getTime() - last.capturedAt.getTime() > PAUSE_COVER_MS
  )
    return {
      status: "NOT_VERIFIED",
      kwh,
      nova: 0,
      reason: `not verified: your car reported only from ${clockTime(first.capturedAt, zone)} to ${clockTime(last.capturedAt, zone)}; the pause has to be seen from start to end`,
    };
  const shifted = chargingAround(readings, w);
  if (!shifted)
    return {
      status: "NOT_EARNED",
      kwh,
      nova: 0,
      reason: "not earned: no charging seen in the 3 hours before or after the pause, so none was shifted",
    };
  const nova = terms.fixedNova ?? 0;
  return {
    status: "EARNED",
    kwh,
    nova,
    reason: `earned ${novaWords(nova)}: no charging during the pause, charging seen at ${clockTime(shifted, zone)}`,
  };
}

/** When the car was seen charging within PAUSE_SHIFT_MS before or after the window (a reading or a counter step), or null. */
function chargingAround(readings: Reading[], w: { from: Date; to: Date }): Date | null {
  const before = { from: new Date(w.from.getTime() - PAUSE_SHIFT_MS), to: w.from };
  const after = { from: w.to, to: new Date(w.to.getTime() + PAUSE_SHIFT_MS) };
  for (const side of [before, after]) {
    const reading = readingsInside(readings, side).find((r) => r.chargeState === "CHARGING");
    if (reading) return reading.capturedAt;
    const step = counterSteps(readings).find((s) => stepInside(s, side) > NOISE_KWH);
    if (step) return new Date(Math.min(step.to.getTime(), side.to.getTime()));
  }
  return null;
}
