import "server-only";
import { db } from "@/lib/db";
import { fingerprintOf } from "../finding";
import { badAccuracy, findTeleports, type Ping } from "../geo";
import { ACTIVITY_DAYS, daysBefore, type Detector } from "./context";

const recentPings = (driverId: string, now: Date): Promise<Ping[]> =>
  db().locationPing.findMany({
    where: { session: { driverId }, recordedAt: { gte: daysBefore(now, ACTIVITY_DAYS) } },
    orderBy: { recordedAt: "asc" },
    take: 2000,
    select: { sessionId: true, latitude: true, longitude: true, accuracyMeters: true, recordedAt: true },
  });

const shown = (p: Ping, note?: string) => ({
  at: p.recordedAt.toISOString(),
  latitude: p.latitude,
  longitude: p.longitude,
  accuracyMeters: p.accuracyMeters,
  note,
});

export const gpsTeleport: Detector = async ({ driver, now }, t) => {
  const jumps = findTeleports(await recentPings(driver.id, now), t.maxSpeedKmh);
  if (jumps.length === 0) return null;
  const worst = jumps.reduce((a, b) => (b.kmh > a.kmh ? b : a));
  const speed = Number.isFinite(worst.kmh) ? `${Math.round(worst.kmh)} km/h` : "no time at all";
  return {
    rule: "gps_teleport",
    summary: `Location jumped ${worst.km.toFixed(1)} km at ${speed} (limit ${t.maxSpeedKmh} km/h).`,
    fingerprint: fingerprintOf(jumps[0].to.sessionId, jumps[0].to.recordedAt.toISOString()),
    evidence: {
      facts: [`${jumps.length} impossible jump${jumps.length === 1 ? "" : "s"}`, `Limit: ${t.maxSpeedKmh} km/h`],
      pings: jumps
        .slice(0, 10)
        .flatMap((j) => [
          shown(j.from, "before"),
          shown(
            j.to,
            `${j.km.toFixed(1)} km later, ${Number.isFinite(j.kmh) ? `${Math.round(j.kmh)} km/h` : "same instant"}`,
          ),
        ]),
    },
  };
};

export const gpsAccuracy: Detector = async ({ driver, now }, t) => {
  const bad = badAccuracy(await recentPings(driver.id, now), t.maxAccuracyMeters);
  if (bad.length < t.minBadPings) return null;
  return {
    rule: "gps_accuracy",
    summary: `${bad.length} location pings with impossible or useless accuracy.`,
    fingerprint: fingerprintOf(bad[0].sessionId, bad[0].recordedAt.toISOString()),
    evidence: {
      facts: [`Accepted accuracy: above 0 and at most ${t.maxAccuracyMeters} m`],
      pings: bad.slice(0, 20).map((p) => shown(p, p.accuracyMeters <= 0 ? "claims perfect accuracy" : "too vague")),
    },
  };
};
