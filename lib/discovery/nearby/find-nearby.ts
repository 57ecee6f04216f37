import "server-only";
import type { NearbyCharger, NearbyQuery, NearbyResult } from "../nearby-contract";
import { areaOf } from "./area";
import { readNearest } from "./chargers";
import { readPerks } from "./perks";
import { compareNearby } from "./rules";

/**
 * Chargers (with their partner perks) in a radius or a box: the `limit` matches nearest the
 * centre (`truncated` when more matched), in the documented order — 1 km distance bands from
 * the centre; within a band, chargers with perks first, then partner chargers, then the rest,
 * each by distance (rules.ts).
 *
 * Two statements at most whatever the area, on the nearby pool (pool.ts): the nearest
 * `limit + 1` matches (a KNN scan of the GiST index) with the newest import time and the
 * discovery version read alongside, then the perks the perk cache lacks for those chargers.
 */
export async function findNearby(query: NearbyQuery): Promise<NearbyResult> {
  const area = areaOf(query);
  const nearest = await readNearest(area, query, query.limit + 1);
  const chargers = nearest.chargers.slice(0, query.limit);
  const perks = await readPerks(chargers, nearest.version);
  return {
    chargers: orderNearby(chargers.map((c) => ({ ...c, perks: perks.get(c.id) ?? [] }))),
    truncated: nearest.chargers.length > query.limit,
    asOf: nearest.asOf,
  };
}

/** The documented order (rules.ts), in place. */
export const orderNearby = (chargers: NearbyCharger[]): NearbyCharger[] => chargers.sort(compareNearby);
