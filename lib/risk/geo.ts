export type Ping = { sessionId: string; latitude: number; longitude: number; accuracyMeters: number; recordedAt: Date };
export type Teleport = { from: Ping; to: Ping; km: number; kmh: number };

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

export function distanceKm(a: Pick<Ping, "latitude" | "longitude">, b: Pick<Ping, "latitude" | "longitude">): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Consecutive pings (in time order, across sessions) whose implied speed is above the limit. A
 * jump within both pings' stated accuracy plus a kilometre is GPS noise, not travel.
 */
export function findTeleports(pings: Ping[], maxSpeedKmh: number): Teleport[] {
  const sorted = [...pings].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  const found: Teleport[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [from, to] = [sorted[i - 1], sorted[i]];
    const km = distanceKm(from, to);
    const noiseKm = (Math.max(0, from.accuracyMeters) + Math.max(0, to.accuracyMeters)) / 1000 + 1;
    if (km <= noiseKm) continue;
    const hours = (to.recordedAt.getTime() - from.recordedAt.getTime()) / 3_600_000;
    const kmh = hours > 0 ? km / hours : Infinity;
    if (kmh > maxSpeedKmh) found.push({ from, to, km, kmh });
  }
  return found;
}

/** Pings claiming impossible precision (zero or less) or a fix too vague to place the car. */
export const badAccuracy = (pings: Ping[], maxAccuracyMeters: number) =>
  pings.filter((p) => p.accuracyMeters <= 0 || p.accuracyMeters > maxAccuracyMeters);
