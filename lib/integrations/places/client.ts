import { logger } from "@/lib/observability";

// Google Places (New) Nearby Search. Google bills a request at the highest SKU among the fields
// its mask names, and refuses a request without a mask (400). The mask lives in this ONE constant:
// id, display name, primary type and location are all Nearby Search Pro fields (the lowest SKU
// Nearby Search has); adding a rating, opening hours or the like would bill every call as Enterprise.
export const PLACES_FIELD_MASK = "places.id,places.displayName,places.primaryType,places.location";

/** Where a driver may go while the car charges. All are Table A types (an unknown type is a 400). */
export const NEARBY_TYPES = [
  "restaurant",
  "cafe",
  "bakery",
  "convenience_store",
  "supermarket",
  "shopping_mall",
  "pharmacy",
  "library",
  "park",
];

export type PlacesClientOptions = { apiKey: string; baseUrl: string; timeoutMs?: number };
export type SearchNearby = { latitude: number; longitude: number; radiusMeters: number; maxResults: number };
export type PlaceHit = { id: string; name: string; primaryType: string | null; latitude: number; longitude: number };
export type SearchNearbyResult =
  | { ok: true; places: PlaceHit[] }
  /** 429 RESOURCE_EXHAUSTED (quota), or a 5xx / timeout / refusal. */
  | { ok: false; reason: "rate_limited" | "unavailable" };

function hitOf(raw: unknown): PlaceHit | null {
  const p = raw as {
    id?: unknown;
    displayName?: { text?: unknown };
    primaryType?: unknown;
    location?: { latitude?: unknown; longitude?: unknown };
  };
  const [lat, lng] = [p?.location?.latitude, p?.location?.longitude];
  if (typeof p?.id !== "string" || !p.id || typeof p.displayName?.text !== "string") return null;
  if (typeof lat !== "number" || typeof lng !== "number") return null;
  return {
    id: p.id.slice(0, 300),
    name: p.displayName.text.slice(0, 200),
    primaryType: typeof p.primaryType === "string" ? p.primaryType.slice(0, 60) : null,
    latitude: lat,
    longitude: lng,
  };
}

export function createPlacesClient(opts: PlacesClientOptions) {
  const url = `${opts.baseUrl.replace(/\/+$/, "")}/v1/places:searchNearby`;
  return {
    /** One Nearby Search (no paging: at most 20 places), nearest first. Never retried: each call is billed. */
    async searchNearby(q: SearchNearby): Promise<SearchNearbyResult> {
      let res: Response;
      try {
        res = await fetch(url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Goog-Api-Key": opts.apiKey,
            "X-Goog-FieldMask": PLACES_FIELD_MASK,
          },
          body: JSON.stringify({
            includedTypes: NEARBY_TYPES,
            maxResultCount: Math.min(20, Math.max(1, q.maxResults)),
            rankPreference: "DISTANCE",
            locationRestriction: {
              circle: { center: { latitude: q.latitude, longitude: q.longitude }, radius: q.radiusMeters },
            },
          }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
        });
      } catch (err) {
        logger.warn({ provider: "google-places", detail: String(err) }, "places request failed");
        return { ok: false, reason: "unavailable" };
      }
      const body = (await res.json().catch(() => null)) as { places?: unknown; error?: { status?: unknown } } | null;
      if (!res.ok) {
        const status = typeof body?.error?.status === "string" ? body.error.status : null;
        logger.warn({ provider: "google-places", status: res.status, error: status }, "places request refused");
        return {
          ok: false,
          reason: res.status === 429 || status === "RESOURCE_EXHAUSTED" ? "rate_limited" : "unavailable",
        };
      }
      // An empty area answers `{}`: no places key at all.
      const raw = Array.isArray(body?.places) ? body.places : [];
      return { ok: true, places: raw.map(hitOf).filter((p): p is PlaceHit => p !== null) };
    },
  };
}

export type PlacesClient = ReturnType<typeof createPlacesClient>;
