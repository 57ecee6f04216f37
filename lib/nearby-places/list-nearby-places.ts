import "server-only";
import { db } from "@/lib/db";
import { distanceMeters, walkMinutes } from "@/lib/geo";
import { createPlacesClient, type PlaceHit } from "@/lib/integrations/places";
import { logger } from "@/lib/observability";
import type { NearbyPlace, NearbyPlacesAnswer } from "./contract";

/** Google's terms allow keeping a place's coordinates for 30 days (the place id indefinitely). */
export const COORDINATES_KEEP_DAYS = 30;
const DAY_MS = 86_400_000;

export type PlacesListerOptions = {
  apiKey?: string;
  baseUrl: string;
  /** At most one Google call per charger in this window; the answer is held in this process's memory meanwhile. */
  holdMs: number;
  /** After a 429 or an outage, no Google call from this process for this long. */
  quietMs: number;
  radiusMeters: number;
  maxResults: number;
  /** Spends a live call from the person's budget; false answers "busy" instead of calling Google. */
  allowLiveCall?: (userId: string) => Promise<boolean>;
};

const HELD_MAX = 500;
const EMPTY: NearbyPlacesAnswer = { places: [], note: null, attribution: null };
const BUSY = "Nearby places are busy right now. Try again in a few minutes.";
const DOWN = "Nearby places could not be loaded right now. Try again later.";
const answerWith = (note: string): NearbyPlacesAnswer => ({ places: [], note, attribution: null });

function placeOf(hit: PlaceHit, from: { latitude: number; longitude: number }): NearbyPlace {
  const meters = Math.round(distanceMeters(from, hit));
  const query = new URLSearchParams({ api: "1", query: hit.name, query_place_id: hit.id });
  return {
    placeId: hit.id,
    name: hit.name,
    type: hit.primaryType ? hit.primaryType.replace(/_/g, " ") : null,
    distanceMeters: meters,
    walkMinutes: Math.max(1, walkMinutes(meters)),
    mapsUrl: `https://www.google.com/maps/search/?${query}`,
  };
}

/** Keeps what the terms allow: the place id, and its coordinates until they expire (purged by a job). */
async function keepIds(chargerId: string, hits: PlaceHit[], now: Date): Promise<void> {
  const coordinatesExpireAt = new Date(now.getTime() + COORDINATES_KEEP_DAYS * DAY_MS);
  const rows = hits.map((h) => {
    const data = { latitude: h.latitude, longitude: h.longitude, coordinatesExpireAt, lastSeenAt: now };
    return db().chargerPlace.upsert({
      where: { chargerId_placeId: { chargerId, placeId: h.id } },
      create: { chargerId, placeId: h.id, ...data },
      update: data,
    });
  });
  await db()
    .$transaction(rows)
    .catch((err) => logger.warn({ err, chargerId }, "could not keep nearby place ids"));
}

/** A lister with its own memory (one per process in the app; one per test). */
export function createPlacesLister(o: PlacesListerOptions) {
  const client = o.apiKey ? createPlacesClient({ apiKey: o.apiKey, baseUrl: o.baseUrl }) : null;
  const held = new Map<string, { at: number; answer: NearbyPlacesAnswer }>();
  const inFlight = new Map<string, Promise<NearbyPlacesAnswer>>();
  let quietUntil = 0;

  async function live(charger: { id: string; latitude: number; longitude: number }) {
    const res = await client!.searchNearby({ ...charger, radiusMeters: o.radiusMeters, maxResults: o.maxResults });
    if (!res.ok) {
      quietUntil = Date.now() + o.quietMs;
      return answerWith(res.reason === "rate_limited" ? BUSY : DOWN);
    }
    await keepIds(charger.id, res.places, new Date());
    const places = res.places.map((h) => placeOf(h, charger)).sort((a, b) => a.distanceMeters - b.distanceMeters);
    const answer = { places, note: null, attribution: places.length > 0 ? "Google Maps" : null };
    held.delete(charger.id);
    held.set(charger.id, { at: Date.now(), answer });
    if (held.size > HELD_MAX) held.delete(held.keys().next().value!);
    return answer;
  }

  /** Places within walking distance of a charger, for its sheet; null when there is no such charger. */
  return async function listNearbyPlaces(chargerId: string, ctx: { userId?: string } = {}) {
    const charger = await db().charger.findUnique({
      where: { id: chargerId },
      select: { id: true, latitude: true, longitude: true },
    });
    if (!charger) return null;
    if (!client) return EMPTY;
    const kept = held.get(chargerId);
    if (kept && Date.now() - kept.at < o.holdMs) return kept.answer;
    const pending = inFlight.get(chargerId);
    if (pending) return pending;
    if (Date.now() < quietUntil) return answerWith(BUSY);
    // Registered before any await, so concurrent requests for this charger share one call.
    const call = (async () => {
      if (ctx.userId && o.allowLiveCall && !(await o.allowLiveCall(ctx.userId))) return answerWith(BUSY);
      return live(charger);
    })().finally(() => inFlight.delete(chargerId));
    inFlight.set(chargerId, call);
    return call;
  };
}

/** Drops place coordinates older than the terms allow; the place ids stay. The `purge-place-coordinates` job. */
export async function purgeExpiredPlaceCoordinates(now = new Date()): Promise<{ purged: number }> {
  const { count } = await db().chargerPlace.updateMany({
    where: { coordinatesExpireAt: { lte: now } },
    data: { latitude: null, longitude: null, coordinatesExpireAt: null },
  });
  return { purged: count };
}
