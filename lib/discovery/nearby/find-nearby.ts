import "server-only";
import type { NearbyCharger, NearbyQuery, NearbyResult } from "../nearby-contract";
import { areaOf } from "./area";
import { readAsOf, readChargers } from "./chargers";
import { readPerks } from "./perks";
import { readDiscoveryVersion } from "./pin-cells";
import { compareNearby } from "./rules";

/**
 * Chargers (with their partner perks) in a radius or a box: the `limit` matches nearest the
 * centre (`truncated` when more matched), in the documented order — 1 km distance bands from
 * the centre; within a band, chargers with perks first, then partner chargers, then the rest,
 * each by distance (rules.ts).
 *
 * A handful of statements whatever the area: the nearest `limit + 1` matches (a KNN scan of
 * the GiST index), with the newest import time and the discovery version read alongside, then
 * the perks of those chargers — partner pins from the per-cell cache (pin-cells.ts) or one
 * indexed read, and the merchants attached to them.
 */
export async function findNearby(query: NearbyQuery): Promise<NearbyResult> {
  const area = areaOf(query);
  const [nearest, asOf, version] = await Promise.all([
    readChargers(area, query, query.limit + 1),
    readAsOf(),
    readDiscoveryVersion(),
  ]);
  const chargers = nearest.slice(0, query.limit);
  const perks = await readPerks(area, chargers, version);
  const ordered: NearbyCharger[] = chargers.map((c) => ({ ...c, perks: perks.get(c.id) ?? [] })).sort(compareNearby);
  return { chargers: ordered, truncated: nearest.length > query.limit, asOf };
}
