// The numbers behind the nearby answer, in one place (README "Nearby query"); walking pace and
// detour are lib/geo's, shared with the Places list.
import { WALK_DETOUR } from "@/lib/geo";

export { walkMinutes } from "@/lib/geo";
/** Merchants count as "beside" a charger up to 800 m of walking (10 minutes)… */
export const MAX_WALK_METERS = 800;
/** …which is this far in a straight line (≈ 615 m). */
export const MAX_STRAIGHT_METERS = MAX_WALK_METERS / WALK_DETOUR;
/** Ordering: chargers are taken in 1 km distance bands; within a band, chargers with perks come first. */
export const BAND_METERS = 1_000;
/** A charger lists at most this many merchants (the nearest), each with at most this many offers. */
export const MAX_PERKS_PER_CHARGER = 6;
export const MAX_OFFERS_PER_PERK = 5;
/** Radius used when a centre comes without one. */
export const DEFAULT_RADIUS_METERS = 5_000;

/** 0 for the first kilometre, 1 for the second, … */
export function bandOf(distanceMeters: number): number {
  return Math.floor(distanceMeters / BAND_METERS);
}

/** Priority within a band: chargers with perks, then partner chargers, then the rest. */
export function priorityOf(c: { perks: unknown[]; isPartner: boolean }): number {
  if (c.perks.length > 0) return 0;
  return c.isPartner ? 1 : 2;
}

/** The documented order: band, then priority, then distance, then id (stable across databases). */
export function compareNearby(
  a: { distanceMeters: number; perks: unknown[]; isPartner: boolean; id: string },
  b: { distanceMeters: number; perks: unknown[]; isPartner: boolean; id: string },
): number {
  return (
    bandOf(a.distanceMeters) - bandOf(b.distanceMeters) ||
    priorityOf(a) - priorityOf(b) ||
    a.distanceMeters - b.distanceMeters ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
