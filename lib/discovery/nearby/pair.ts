import { MAX_STRAIGHT_METERS } from "./rules";

// Pairs chargers with the merchant pins in walking reach, in memory: a few hundred chargers
// against a few thousand pins costs about a millisecond this way, where a nested loop in SQL
// costs tens. Distances on earthdistance's sphere, so they agree with the SQL ones.

/** earthdistance's earth(), metres. */
const R = 6_378_168;
const RAD = Math.PI / 180;

/** Great-circle distance as `earth_distance(ll_to_earth(a), ll_to_earth(b))` computes it. */
export function earthDistance(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const h =
    Math.sin(((bLat - aLat) * RAD) / 2) ** 2 +
    Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * Math.sin(((bLng - aLng) * RAD) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

type Point = { latitude: number; longitude: number };

/** For each charger, the pins within `reach` metres in a straight line, with their distance. */
export function pairWithin<C extends Point & { id: string }, P extends Point>(
  chargers: C[],
  pins: P[],
  reach = MAX_STRAIGHT_METERS,
): Map<string, { pin: P; distanceMeters: number }[]> {
  const sorted = [...pins].sort((a, b) => a.latitude - b.latitude);
  const lats = sorted.map((p) => p.latitude);
  const dLat = (reach / R / RAD) * 1.001;
  const out = new Map<string, { pin: P; distanceMeters: number }[]>();
  for (const c of chargers) {
    const cos = Math.cos(c.latitude * RAD);
    const dLng = cos > 1e-6 ? Math.min(180, dLat / cos) : 180;
    const found: { pin: P; distanceMeters: number }[] = [];
    for (let i = lowerBound(lats, c.latitude - dLat); i < sorted.length && lats[i] <= c.latitude + dLat; i++) {
      const p = sorted[i];
      if (Math.abs(((p.longitude - c.longitude + 540) % 360) - 180) > dLng) continue;
      const d = earthDistance(c.latitude, c.longitude, p.latitude, p.longitude);
      if (d <= reach) found.push({ pin: p, distanceMeters: d });
    }
    out.set(c.id, found);
  }
  return out;
}

function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
