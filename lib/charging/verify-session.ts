import { distanceMeters, formatDistance, withinRadius, type LatLng } from "@/lib/geo";

export type ChargeState = "CHARGING" | "FULLY_CHARGED" | "NOT_CHARGING" | "UNKNOWN";
export type Ping = { latitude: number; longitude: number; accuracyMeters: number; recordedAt: Date };
/** Location and battery are nullable: providers omit them, and the database stores them that way. */
export type Telemetry = {
  chargeState: ChargeState;
  latitude: number | null;
  longitude: number | null;
  batteryPercent: number | null;
  energyAddedKwh?: number | null;
  capturedAt: Date;
};
export type VerificationPolicy = {
  minDwellSeconds: number;
  maxAccuracyMeters: number;
  maxPingGapSeconds: number;
  accept: Array<"car+phone" | "car-only" | "phone-only">;
};
export const DEFAULT_POLICY: VerificationPolicy = {
  minDwellSeconds: 600,
  maxAccuracyMeters: 50,
  maxPingGapSeconds: 300,
  accept: ["car+phone"],
};
export type Witness = { ok: boolean; reason: string; detail?: Record<string, number | string> };
export type Verification = {
  status: "VERIFIED" | "PENDING_WITNESS" | "UNVERIFIED";
  car: Witness;
  phone: Witness;
  reason: string;
};
export type VerifySessionInput = {
  charger: LatLng & { radiusMeters: number };
  startedAt: Date;
  endedAt: Date | null;
  pings: Ping[];
  telemetry: Telemetry[];
  now: Date;
};

/** No car on a city street moves this fast: a ping implying more than this since the last one is a GPS jump or a spoof. */
const MAX_SPEED_MPS = 300 / 3.6;

type Window = { from: number; to: number; ended: boolean };
/** A witness plus the few words that slot into the combined "waiting for …" sentence. */
type Judged = Witness & { progress: string };

const isNumber = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);
const inWindow = (t: Date, w: Window) => t.getTime() >= w.from && t.getTime() <= w.to;
const byTime =
  <T>(at: (x: T) => Date) =>
  (a: T, b: T) =>
    at(a).getTime() - at(b).getTime();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const duration = (s: number) => (s % 60 === 0 ? plural(s / 60, "minute") : plural(s, "second"));

function judgePhone(input: VerifySessionInput, policy: VerificationPolicy, w: Window): Judged {
  const { charger } = input;
  const pings = input.pings.filter((p) => inWindow(p.recordedAt, w)).sort(byTime((p) => p.recordedAt));
  if (pings.length === 0) {
    const reason = w.ended
      ? "Your phone didn't share its location during the session."
      : "We haven't received your phone's location yet.";
    return { ok: false, reason, progress: "no location from your phone yet", detail: { pings: 0 } };
  }
  const precise = pings.filter(
    (p) =>
      isNumber(p.latitude) &&
      isNumber(p.longitude) &&
      p.accuracyMeters >= 0 &&
      p.accuracyMeters <= policy.maxAccuracyMeters,
  );
  const ignored = pings.length - precise.length;
  if (precise.length === 0) {
    const reason = `All ${plural(pings.length, "location reading")} from your phone were less precise than ${policy.maxAccuracyMeters} m. Turn on precise location for Nerava.`;
    return {
      ok: false,
      reason,
      progress: "its location was too imprecise",
      detail: { pings: pings.length, impreciseIgnored: ignored },
    };
  }

  let longestMs = 0,
    jumps = 0,
    pauses = 0,
    closest = Infinity,
    anyInside = false;
  let runStart: Ping | null = null,
    prev: Ping | null = null;
  for (const p of precise) {
    closest = Math.min(closest, distanceMeters(p, charger));
    const inside = withinRadius(p, charger, charger.radiusMeters, p.accuracyMeters);
    anyInside ||= inside;
    const gapMs = prev ? p.recordedAt.getTime() - prev.recordedAt.getTime() : 0;
    // Movement within both fixes' accuracy is jitter, not travel.
    const travelled = prev ? Math.max(0, distanceMeters(prev, p) - prev.accuracyMeters - p.accuracyMeters) : 0;
    const jumped = travelled > MAX_SPEED_MPS * (gapMs / 1000);
    if (jumped) jumps++;
    // runStart is only set while every ping since it was inside, so prev belongs to the current run.
    if (!inside) runStart = null;
    else if (runStart && !jumped && gapMs <= policy.maxPingGapSeconds * 1000) {
      longestMs = Math.max(longestMs, p.recordedAt.getTime() - runStart.recordedAt.getTime());
    } else {
      if (runStart && !jumped) pauses++;
      runStart = p;
    }
    prev = p;
  }

  const dwell = longestMs / 1000;
  const detail = {
    pings: pings.length,
    impreciseIgnored: ignored,
    locationJumps: jumps,
    pauses,
    dwellSeconds: Math.round(dwell),
    requiredSeconds: policy.minDwellSeconds,
    closestMeters: Math.round(closest),
  };
  const jumpNote = jumps
    ? ` Its location jumped impossibly fast ${jumps === 1 ? "once" : `${jumps} times`}; those readings didn't count.`
    : "";
  if (dwell >= policy.minDwellSeconds) {
    return {
      ok: true,
      reason: `Your phone stayed at the charger for ${plural(Math.floor(dwell / 60), "minute")}.${jumpNote}`,
      progress: "",
      detail,
    };
  }
  if (!anyInside) {
    const vague = closest <= charger.radiusMeters;
    const reason = vague
      ? "Your phone's location wasn't precise enough to place you at the charger."
      : `Your phone was ${formatDistance(closest)} from the charger.`;
    return {
      ok: false,
      reason: reason + jumpNote,
      progress: vague ? "its location wasn't precise enough" : `it was ${formatDistance(closest)} away`,
      detail,
    };
  }
  const got = Math.floor(dwell / 60);
  const need = Math.ceil(policy.minDwellSeconds / 60);
  const reason = w.ended
    ? `Your phone stayed at the charger for only ${got} of the ${need} minutes needed.`
    : `Your phone has been at the charger ${got} of ${need} minutes so far.`;
  const notes = [
    jumpNote,
    pauses
      ? ` Location updates paused for more than ${duration(policy.maxPingGapSeconds)}, which restarted the count.`
      : "",
    ignored ? ` ${plural(ignored, "imprecise reading")} ${ignored === 1 ? "was" : "were"} ignored.` : "",
  ].join("");
  return {
    ok: false,
    reason: reason + notes,
    progress: `${got} of ${need} minutes${w.ended ? "" : " so far"}`,
    detail,
  };
}

function judgeCar(input: VerifySessionInput, w: Window): Judged {
  const { charger } = input;
  const snapshots = input.telemetry.filter((s) => inWindow(s.capturedAt, w)).sort(byTime((s) => s.capturedAt));
  if (snapshots.length === 0) {
    const reason = w.ended
      ? "Your car didn't send any data during the session."
      : "We haven't heard from your car yet.";
    return { ok: false, reason, progress: "no data from your car yet", detail: { snapshots: 0 } };
  }
  let sawCharging = false,
    charging = 0,
    nearest = Infinity;
  for (const s of snapshots) {
    // FULLY_CHARGED counts only after this session saw the car charging: a full car parked in the bay proves nothing.
    if (s.chargeState === "CHARGING") sawCharging = true;
    else if (!(s.chargeState === "FULLY_CHARGED" && sawCharging)) continue;
    charging++;
    if (!isNumber(s.latitude) || !isNumber(s.longitude)) continue;
    const at = { latitude: s.latitude, longitude: s.longitude };
    nearest = Math.min(nearest, distanceMeters(at, charger));
    if (withinRadius(at, charger, charger.radiusMeters)) {
      const detail = { snapshots: snapshots.length, distanceMeters: Math.round(distanceMeters(at, charger)) };
      return { ok: true, reason: "Your car reported charging at this charger.", progress: "", detail };
    }
  }
  const detail: Record<string, number> = { snapshots: snapshots.length, chargingSnapshots: charging };
  if (charging === 0) {
    const reason = w.ended
      ? "Your car didn't report charging during the session."
      : "Your car hasn't reported charging yet.";
    return { ok: false, reason, progress: "it hasn't reported charging", detail };
  }
  if (nearest === Infinity) {
    return {
      ok: false,
      reason: "Your car did not report a location while charging.",
      progress: "it did not report a location",
      detail,
    };
  }
  detail.nearestMeters = Math.round(nearest);
  const away = formatDistance(nearest);
  return {
    ok: false,
    reason: `Your car was charging ${away} from the charger.`,
    progress: `it was charging ${away} away`,
    detail,
  };
}

/** Two witnesses, car telemetry and phone dwell; the policy says which combinations verify on their own. */
export function verifySession(input: VerifySessionInput, policy: VerificationPolicy = DEFAULT_POLICY): Verification {
  const w: Window = {
    from: input.startedAt.getTime(),
    to: (input.endedAt ?? input.now).getTime(),
    ended: input.endedAt !== null,
  };
  const { progress: carProgress, ...car } = judgeCar(input, w);
  const { progress: phoneProgress, ...phone } = judgePhone(input, policy, w);
  const accepts = (combo: VerificationPolicy["accept"][number]) => policy.accept.includes(combo);
  const result = (status: Verification["status"], reason: string): Verification => ({ status, car, phone, reason });

  if (car.ok && phone.ok && accepts("car+phone"))
    return result("VERIFIED", "Verified: your car charged here and your phone confirmed you stayed.");
  if (car.ok && accepts("car-only")) return result("VERIFIED", "Verified: your car reported charging at this charger.");
  if (phone.ok && accepts("phone-only"))
    return result("VERIFIED", "Verified: your phone confirmed you stayed at the charger.");
  if (car.ok && phone.ok)
    return result("PENDING_WITNESS", "Your car and phone both confirmed; this session needs a quick review.");
  if (car.ok)
    return result(
      "PENDING_WITNESS",
      `Your car confirmed charging; waiting for your phone to confirm you stayed at the charger (${phoneProgress}).`,
    );
  if (phone.ok)
    return result(
      "PENDING_WITNESS",
      `Your phone confirmed you stayed at the charger; waiting for your car to confirm it charged here (${carProgress}).`,
    );
  if (w.ended) return result("UNVERIFIED", `We couldn't verify this session. ${car.reason} ${phone.reason}`);
  return result("PENDING_WITNESS", `Waiting for your car and phone to confirm. ${car.reason} ${phone.reason}`);
}

/**
 * kWh from the car's "energy added" counter, which runs from the car's own plug-in (not our
 * check-in) and restarts at the next one: the counter's increase inside the session. The
 * baseline is the last reading at or before check-in (else the first inside); a drop means a
 * new plug-in, so the segment after it counts from zero. Battery: last − first, never negative.
 */
export function sessionEnergy(
  telemetry: Telemetry[],
  window?: { startedAt: Date; endedAt: Date | null },
): { kwhDelivered: number | null; batteryGained: number | null } {
  const w: Window = {
    from: window?.startedAt.getTime() ?? -Infinity,
    to: window?.endedAt?.getTime() ?? Infinity,
    ended: true,
  };
  const sorted = [...telemetry].sort(byTime((s) => s.capturedAt));
  const snapshots = sorted.filter((s) => inWindow(s.capturedAt, w));
  const battery = snapshots.map((s) => s.batteryPercent).filter(isNumber);
  return {
    kwhDelivered: counterIncrease(sorted, w),
    batteryGained: battery.length >= 2 ? Math.max(0, battery[battery.length - 1] - battery[0]) : null,
  };
}

function counterIncrease(sorted: Telemetry[], w: Window): number | null {
  const counter = sorted.filter((s) => isNumber(s.energyAddedKwh) && s.energyAddedKwh >= 0);
  const at = (s: Telemetry) => s.capturedAt.getTime();
  const baseline = counter.filter((s) => at(s) <= w.from).at(-1);
  const inside = counter.filter((s) => at(s) > w.from && at(s) <= w.to).map((s) => s.energyAddedKwh as number);
  const readings = baseline ? [baseline.energyAddedKwh as number, ...inside] : inside;
  if (readings.length < 2) return null;
  let total = 0;
  for (let i = 1; i < readings.length; i++) {
    const step = readings[i] - readings[i - 1];
    total += step >= 0 ? step : readings[i];
  }
  return Math.round(total * 1000) / 1000;
}
