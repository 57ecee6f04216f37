// How much energy a car took inside a time window, from its telemetry alone (never the phone).
//
// The rule: the car's "energy added" counter counts kWh since its own plug-in and restarts at the
// next one. Between two consecutive readings of the same car the counter rose by a step (a drop
// means a new plug-in, so the step is the later reading itself). Each step is spread evenly over
// the time between its two readings, and the window gets the part of it that overlaps the window:
// a session that straddles the window's edge counts only the energy inside it, pro rata.

export type ChargeState = "CHARGING" | "FULLY_CHARGED" | "NOT_CHARGING" | "UNKNOWN";
export type Reading = { vehicleId: string; capturedAt: Date; chargeState: ChargeState; energyAddedKwh: number | null };
export type Window = { from: Date; to: Date };
/** One counter step between two readings of one car. */
export type Step = { vehicleId: string; from: Date; to: Date; kwh: number };

const byTime = (a: Reading, b: Reading) => a.capturedAt.getTime() - b.capturedAt.getTime();

/** The counter's steps of each car, oldest first (readings without a counter are skipped). */
export function counterSteps(readings: Reading[]): Step[] {
  const cars = new Map<string, Reading[]>();
  for (const r of readings)
    if (r.energyAddedKwh !== null && Number.isFinite(r.energyAddedKwh) && r.energyAddedKwh >= 0)
      cars.set(r.vehicleId, [...(cars.get(r.vehicleId) ?? []), r]);
  const steps: Step[] = [];
  for (const [vehicleId, list] of cars) {
    const sorted = [...list].sort(byTime);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1].energyAddedKwh!, sorted[i].energyAddedKwh!];
      steps.push({ vehicleId, from: sorted[i - 1].capturedAt, to: sorted[i].capturedAt, kwh: b >= a ? b - a : b });
    }
  }
  return steps;
}

/** The part of one step inside the window (a step of zero length counts whole when its instant is inside). */
export function stepInside(step: Step, w: Window): number {
  const [a, b] = [step.from.getTime(), step.to.getTime()];
  const [from, to] = [w.from.getTime(), w.to.getTime()];
  if (b <= a) return a >= from && a < to ? step.kwh : 0;
  const overlap = Math.max(0, Math.min(b, to) - Math.max(a, from));
  return (step.kwh * overlap) / (b - a);
}

/**
 * kWh added inside the window by all the driver's cars, rounded to 0.01 kWh; null when no car has
 * two counter readings with a step touching the window (nothing to measure with).
 */
export function energyInWindow(readings: Reading[], w: Window): number | null {
  const touching = counterSteps(readings).filter((s) => s.to >= w.from && s.from < w.to);
  if (touching.length === 0) return null;
  const kwh = touching.reduce((sum, s) => sum + stepInside(s, w), 0);
  return Math.round(kwh * 100) / 100;
}

/** Readings captured inside [from, to). */
export const readingsInside = (readings: Reading[], w: Window) =>
  readings.filter((r) => r.capturedAt >= w.from && r.capturedAt < w.to).sort(byTime);
