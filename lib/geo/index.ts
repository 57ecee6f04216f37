export type LatLng = { latitude: number; longitude: number };

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine): within 0.5% of the WGS84 ellipsoid, ample for charger radii. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A fix counts as inside when distance + accuracy/2 ≤ radius: the reported position must sit inside by half its
 * uncertainty, so about 80% or more of its accuracy circle lies in the zone; a fix mostly outside (or wider than
 * the zone itself, accuracy > 2 × radius) never counts. Negative accuracy is read as 0; NaN never counts.
 */
export function withinRadius(point: LatLng, center: LatLng, radiusMeters: number, accuracyMeters = 0): boolean {
  return distanceMeters(point, center) + Math.max(0, accuracyMeters) / 2 <= radiusMeters;
}

/** "350 m" under a kilometre, "8.0 km" above: how drivers read distances. */
export function formatDistance(meters: number): string {
  return Math.round(meters) < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`;
}

/** Streets are not straight: a walk is about 1.3 × the straight line. */
export const WALK_DETOUR = 1.3;
/** A relaxed walking pace, metres a minute (field studies: 80–95). */
export const WALK_METERS_PER_MINUTE = 80;

/** ≈ minutes on foot for a straight-line distance: ceil(distance × 1.3 ÷ 80). */
export function walkMinutes(straightMeters: number): number {
  return Math.ceil((straightMeters * WALK_DETOUR) / WALK_METERS_PER_MINUTE);
}
