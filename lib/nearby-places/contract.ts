// What GET /api/discovery/chargers/[chargerId]/places answers: plain data, no server code, so the
// charger sheet (a client component) may import the types.
//
// Google's terms: Places content is shown as a LIST beside Google's attribution, never as markers
// on our (non-Google) map.

export type NearbyPlace = {
  placeId: string;
  name: string;
  /** Google's primary type in words ("coffee shop"), or null. */
  type: string | null;
  distanceMeters: number;
  /** ≈ distance × 1.3 (streets are not straight) ÷ 80 m a minute, rounded up. */
  walkMinutes: number;
  /** Opens the place in Google Maps. */
  mapsUrl: string;
};

export type NearbyPlacesAnswer = {
  places: NearbyPlace[];
  /** Why the list is empty for now, in words a driver reads; null when the list is what Google answered. */
  note: string | null;
  /** Show this beside the list whenever it has places ("Google Maps"); null when the list is empty. */
  attribution: string | null;
};
