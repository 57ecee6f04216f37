import "server-only";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { rateLimit } from "@/lib/rate-limit";
import { createPlacesLister } from "./list-nearby-places";

/** One Google call per charger per 5 minutes at most; the answer is held in memory only for that long. */
export const PLACES_HOLD_MINUTES = 5;
/** ≈ 6–7 minutes on foot (× 1.3 ÷ 80 m/min). */
export const PLACES_RADIUS_METERS = 400;

const globalForPlaces = globalThis as unknown as { nervaPlacesLister?: ReturnType<typeof createPlacesLister> };

async function allowLiveCall(userId: string): Promise<boolean> {
  try {
    await rateLimit("nearbyPlacesPerUser", userId);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") return false;
    throw err;
  }
}

/** Places within walking distance of a charger (a list for its sheet); null when there is no such charger. */
export function listNearbyPlaces(chargerId: string, ctx: { userId?: string } = {}) {
  globalForPlaces.nervaPlacesLister ??= createPlacesLister({
    apiKey: config().GOOGLE_PLACES_API_KEY,
    baseUrl: config().GOOGLE_PLACES_API_BASE,
    holdMs: PLACES_HOLD_MINUTES * 60_000,
    quietMs: 60_000,
    radiusMeters: PLACES_RADIUS_METERS,
    maxResults: 10,
    allowLiveCall,
  });
  return globalForPlaces.nervaPlacesLister(chargerId, ctx);
}
