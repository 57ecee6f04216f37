import "server-only";
import type { NearbyCharger, NearbyQuery, NearbyResult } from "../nearby-contract";
import { areaOf } from "./area";
import { readAsOf, readChargers, type ChargerRow } from "./chargers";
import { readPerks } from "./perks";
import { BAND_METERS, bandOf, compareNearby, MAX_BAND_COMPLETION } from "./rules";

/**
 * Chargers (with their partner perks) in a radius or a box, in the documented order: 1 km
 * distance bands from the centre; within a band, chargers with perks first, then partner
 * chargers, then the rest, each by distance. At most `limit`; `truncated` when more matched.
 *
 * Bounded work whatever the area: the nearest `limit + 1` matches (a KNN scan of the GiST
 * index), then — only when that cut a band in two — the rest of that band, then the perks
 * of those chargers (two queries), plus the newest import time in parallel.
 */
export async function findNearby(query: NearbyQuery): Promise<NearbyResult> {
  const area = areaOf(query);
  const [nearest, asOf] = await Promise.all([readChargers(area, query, query.limit + 1), readAsOf()]);
  const truncated = nearest.length > query.limit;
  let candidates: ChargerRow[] = nearest.slice(0, query.limit);
  if (truncated) {
    // Everything up to the end of the limit-th charger's band competes for the last places.
    const before = (bandOf(candidates[candidates.length - 1].distanceMeters) + 1) * BAND_METERS;
    const inBand = nearest.filter((c) => c.distanceMeters < before);
    const rest = await readChargers(area, query, MAX_BAND_COMPLETION, {
      before,
      except: inBand.map((c) => c.id),
    });
    candidates = [...inBand, ...rest];
  }
  const perks = await readPerks(area, candidates);
  const chargers: NearbyCharger[] = candidates
    .map((c) => ({ ...c, perks: perks.get(c.id) ?? [] }))
    .sort(compareNearby)
    .slice(0, query.limit);
  return { chargers, truncated, asOf };
}
