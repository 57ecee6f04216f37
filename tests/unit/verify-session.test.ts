import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_METERS } from "@/lib/geo";
import { DEFAULT_POLICY, sessionEnergy, verifySession } from "@/lib/charging/verify-session";
import type { ChargeState, Ping, Telemetry, VerifySessionInput } from "@/lib/charging/verify-session";

const CHARGER = { latitude: 30.3029, longitude: -97.7062, radiusMeters: 150 };
const START = new Date("2025-06-01T15:00:00Z");
const M_PER_DEG = (Math.PI * EARTH_RADIUS_METERS) / 180;

const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const place = (north = 0, east = 0) => ({
  latitude: CHARGER.latitude + north / M_PER_DEG,
  longitude: CHARGER.longitude + east / (M_PER_DEG * Math.cos((CHARGER.latitude * Math.PI) / 180)),
});
type PingOptions = { north?: number; east?: number; accuracy?: number };
const ping = (minute: number, { north = 0, east = 0, accuracy = 10 }: PingOptions = {}): Ping => ({
  ...place(north, east),
  accuracyMeters: accuracy,
  recordedAt: at(minute),
});
/** One ping a minute from `from` to `to` inclusive. */
const pingsEvery = (from: number, to: number, options: PingOptions = {}) =>
  Array.from({ length: to - from + 1 }, (_, i) => ping(from + i, options));
const snapshot = (
  minute: number,
  chargeState: ChargeState = "CHARGING",
  where: { north?: number; east?: number } | null = {},
): Telemetry => ({
  chargeState,
  latitude: where ? place(where.north, where.east).latitude : null,
  longitude: where ? place(where.north, where.east).longitude : null,
  batteryPercent: null,
  capturedAt: at(minute),
});
const session = (overrides: Partial<VerifySessionInput> = {}): VerifySessionInput => ({
  charger: CHARGER,
  startedAt: START,
  endedAt: null,
  pings: [],
  telemetry: [],
  now: at(30),
  ...overrides,
});
const GOOD_PINGS = pingsEvery(0, 12);
const CAR_AT_CHARGER = [snapshot(5)];

describe("verifySession: the witness matrix", () => {
  it("verifies when the car charged here and the phone stayed", () => {
    const v = verifySession(session({ pings: GOOD_PINGS, telemetry: CAR_AT_CHARGER }));
    expect(v.status).toBe("VERIFIED");
    expect(v.car.ok && v.phone.ok).toBe(true);
    expect(v.phone.reason).toBe("Your phone stayed at the charger for 12 minutes.");
    expect(v.phone.detail?.dwellSeconds).toBe(720);
  });

  it("waits for the phone when its GPS says 5 km away but the car charged here", () => {
    const v = verifySession(session({ pings: pingsEvery(0, 12, { east: 5_000 }), telemetry: CAR_AT_CHARGER }));
    expect(v.status).toBe("PENDING_WITNESS");
    expect(v.car.ok).toBe(true);
    expect(v.phone).toMatchObject({ ok: false, reason: "Your phone was 5.0 km from the charger." });
    expect(v.reason).toBe(
      "Your car confirmed charging; waiting for your phone to confirm you stayed at the charger (it was 5.0 km away).",
    );
  });

  it("waits for the car when it charged 8 km away, naming the distance", () => {
    const v = verifySession(session({ pings: GOOD_PINGS, telemetry: [snapshot(5, "CHARGING", { north: 8_000 })] }));
    expect(v.status).toBe("PENDING_WITNESS");
    expect(v.phone.ok).toBe(true);
    expect(v.car).toMatchObject({ ok: false, reason: "Your car was charging 8.0 km from the charger." });
    expect(v.reason).toContain("waiting for your car");
    expect(v.reason).toContain("8.0 km");
  });

  it("rejects a phone whose readings are all too imprecise, and says so", () => {
    const v = verifySession(session({ pings: pingsEvery(0, 12, { accuracy: 120 }), telemetry: CAR_AT_CHARGER }));
    expect(v.phone.ok).toBe(false);
    expect(v.phone.reason).toContain("All 13 location readings from your phone were less precise than 50 m");
    expect(v.reason).toContain("too imprecise");
  });

  it("counts minutes when the dwell is too short", () => {
    const v = verifySession(session({ pings: pingsEvery(0, 4), telemetry: CAR_AT_CHARGER }));
    expect(v.phone).toMatchObject({ ok: false, reason: "Your phone has been at the charger 4 of 10 minutes so far." });
    expect(v.reason).toBe(
      "Your car confirmed charging; waiting for your phone to confirm you stayed at the charger (4 of 10 minutes so far).",
    );
    const ended = verifySession(session({ endedAt: at(20), pings: pingsEvery(0, 4), telemetry: CAR_AT_CHARGER }));
    expect(ended.status).toBe("PENDING_WITNESS");
    expect(ended.phone.reason).toBe("Your phone stayed at the charger for only 4 of the 10 minutes needed.");
  });

  it("breaks the run on an impossibly fast jump, even inside the radius", () => {
    const jumpy = [
      ...pingsEvery(0, 6, { north: 100 }),
      { ...ping(6, { north: -100 }), recordedAt: new Date(at(6).getTime() + 1_000) },
      ...pingsEvery(7, 13, { north: -100 }),
    ];
    const v = verifySession(session({ pings: jumpy, telemetry: CAR_AT_CHARGER }));
    expect(v.phone.ok).toBe(false);
    expect(v.phone.detail?.locationJumps).toBe(1);
    expect(v.phone.reason).toContain("jumped impossibly fast once");
    // The same 200 m crossed at walking pace is one continuous stay.
    const walked = [...pingsEvery(0, 6, { north: 100 }), ...pingsEvery(9, 16, { north: -100 })];
    expect(verifySession(session({ pings: walked })).phone).toMatchObject({ ok: true, detail: { dwellSeconds: 960 } });
  });

  it("mentions a spoofed jump from far away onto the charger", () => {
    const spoof = [
      ping(0, { east: 5_000 }),
      { ...ping(0), recordedAt: new Date(START.getTime() + 30_000) },
      ...pingsEvery(1, 5),
    ];
    const v = verifySession(session({ pings: spoof }));
    expect(v.phone.ok).toBe(false);
    expect(v.phone.reason).toContain("jumped impossibly fast");
  });

  it("splits the run when pings pause longer than maxPingGap", () => {
    const v = verifySession(
      session({ pings: [...pingsEvery(0, 6), ...pingsEvery(12, 17)], telemetry: CAR_AT_CHARGER }),
    );
    expect(v.phone).toMatchObject({ ok: false, detail: { dwellSeconds: 360, pauses: 1 } });
    expect(v.phone.reason).toContain("paused for more than 5 minutes");
    // A gap of exactly maxPingGap keeps the run.
    const joined = verifySession(
      session({ pings: [...pingsEvery(0, 6), ...pingsEvery(11, 15)], telemetry: CAR_AT_CHARGER }),
    );
    expect(joined.phone).toMatchObject({ ok: true, detail: { dwellSeconds: 900 } });
  });

  it("ignores imprecise pings, counting them in the reason when the phone falls short", () => {
    const mixed = [...pingsEvery(0, 4), ...pingsEvery(5, 12, { accuracy: 80 })];
    const v = verifySession(session({ pings: mixed }));
    expect(v.phone.reason).toContain("8 imprecise readings were ignored");
    const sprinkled = GOOD_PINGS.map((p, i) => (i % 4 === 1 ? { ...p, accuracyMeters: 200 } : p));
    expect(verifySession(session({ pings: sprinkled })).phone.ok).toBe(true);
  });

  it("verifies with the car alone when the policy accepts car-only", () => {
    expect(verifySession(session({ telemetry: CAR_AT_CHARGER })).status).toBe("PENDING_WITNESS");
    const v = verifySession(session({ telemetry: CAR_AT_CHARGER }), { ...DEFAULT_POLICY, accept: ["car-only"] });
    expect(v).toMatchObject({ status: "VERIFIED", car: { ok: true }, phone: { ok: false } });
  });

  it("verifies with the phone alone when the policy accepts phone-only", () => {
    const v = verifySession(session({ pings: GOOD_PINGS }), { ...DEFAULT_POLICY, accept: ["phone-only"] });
    expect(v.status).toBe("VERIFIED");
  });

  it("is UNVERIFIED once ended with no witness, PENDING_WITNESS while active", () => {
    const ended = verifySession(session({ endedAt: at(20) }));
    expect(ended.status).toBe("UNVERIFIED");
    expect(ended.reason).toBe(
      "We couldn't verify this session. Your car didn't send any data during the session. Your phone didn't share its location during the session.",
    );
    const active = verifySession(session({ telemetry: [snapshot(5, "CHARGING", null)] }));
    expect(active).toMatchObject({
      status: "PENDING_WITNESS",
      reason: expect.stringContaining("did not report a location"),
    });
  });

  it("ignores telemetry and pings outside the session window", () => {
    const v = verifySession(
      session({ endedAt: at(20), telemetry: [snapshot(-30), snapshot(45)], pings: pingsEvery(21, 40) }),
    );
    expect(v.status).toBe("UNVERIFIED");
    expect(v.car.detail?.snapshots).toBe(0);
    // While active, readings stamped after `now` are ignored too.
    const future = verifySession(session({ now: at(30), pings: pingsEvery(25, 40), telemetry: [snapshot(31)] }));
    expect(future.phone.detail?.dwellSeconds).toBe(300);
    expect(future.car.ok).toBe(false);
  });

  it("needs a location from a charging car", () => {
    const v = verifySession(session({ telemetry: [snapshot(5, "CHARGING", null)] }));
    expect(v.car.ok).toBe(false);
    expect(v.car.reason).toContain("car did not report a location");
  });

  it("counts FULLY_CHARGED only after the car was seen CHARGING", () => {
    expect(verifySession(session({ telemetry: [snapshot(5, "FULLY_CHARGED")] })).car.ok).toBe(false);
    const v = verifySession(session({ telemetry: [snapshot(2, "CHARGING", null), snapshot(9, "FULLY_CHARGED")] }));
    expect(v.car.ok).toBe(true);
    expect(verifySession(session({ telemetry: [snapshot(5, "NOT_CHARGING")] })).car.reason).toBe(
      "Your car hasn't reported charging yet.",
    );
  });
});

describe("sessionEnergy", () => {
  const reading = (minute: number, batteryPercent: number | null, energyAddedKwh?: number | null): Telemetry => ({
    ...snapshot(minute),
    batteryPercent,
    energyAddedKwh,
  });

  it("takes the energy counter's increase and last − first battery", () => {
    expect(sessionEnergy([reading(20, 60, 18.5), reading(0, 35, 0), reading(10, 48, 9.2)])).toEqual({
      kwhDelivered: 18.5,
      batteryGained: 25,
    });
  });

  it("returns null when unknown and never a negative gain", () => {
    expect(sessionEnergy([reading(0, 50)])).toEqual({ kwhDelivered: null, batteryGained: null });
    expect(sessionEnergy([reading(0, 50, null), reading(5, 48)])).toEqual({ kwhDelivered: null, batteryGained: 0 });
  });

  it("only uses readings within the window", () => {
    // the reading taken at check-in (1 kWh already added) is the counter's baseline: 12 − 1
    const readings = [reading(-10, 20, 30), reading(0, 40, 1), reading(15, 55, 12), reading(40, 90, 50)];
    expect(sessionEnergy(readings, { startedAt: START, endedAt: at(20) })).toEqual({
      kwhDelivered: 11,
      batteryGained: 15,
    });
  });

  // The counter runs from the car's own plug-in: a session restarted without unplugging sees it go on.
  it("credits a counter that runs across two sessions of one plug-in once", () => {
    const readings = [reading(5, 50, 2), reading(25, 60, 10), reading(45, 61, 11), reading(65, 70, 18)];
    const first = sessionEnergy(readings, { startedAt: START, endedAt: at(30) }).kwhDelivered!;
    const second = sessionEnergy(readings, { startedAt: at(40), endedAt: at(70) }).kwhDelivered!;
    expect(first).toBeCloseTo(8);
    expect(second).toBeGreaterThanOrEqual(7);
    expect(second).toBeLessThanOrEqual(8);
    expect(first + second).toBeLessThanOrEqual(18);
    // baseline at check-in: the last reading at or before it (10 kWh at minute 25)
    expect(second).toBeCloseTo(8);
  });

  it("without a reading before check-in, counts from the first one inside", () => {
    expect(sessionEnergy([reading(45, 61, 11), reading(65, 70, 18)], { startedAt: at(40), endedAt: at(70) })).toEqual({
      kwhDelivered: 7,
      batteryGained: 9,
    });
    expect(sessionEnergy([reading(45, 61, 11)], { startedAt: at(40), endedAt: at(70) }).kwhDelivered).toBeNull();
  });

  it("treats a drop as a new plug-in and sums the increases of each segment", () => {
    const readings = [reading(-5, 40, 3), reading(10, 50, 10), reading(20, 50, 0), reading(30, 55, 5)];
    // (10 − 3) before the reset, then 5 from zero after it
    expect(sessionEnergy(readings, { startedAt: START, endedAt: at(40) }).kwhDelivered).toBe(12);
    // a reset between the baseline and the first reading inside: that reading counts from zero
    expect(
      sessionEnergy([reading(-5, 40, 30), reading(10, 50, 4), reading(20, 55, 9)], {
        startedAt: START,
        endedAt: at(40),
      }).kwhDelivered,
    ).toBe(9);
  });

  it("ignores readings after check-out and counters that are not numbers", () => {
    const readings = [reading(0, 40, 2), reading(10, 45, Number.NaN), reading(20, 50, 6), reading(50, 80, 40)];
    expect(sessionEnergy(readings, { startedAt: START, endedAt: at(30) }).kwhDelivered).toBe(4);
  });
});
