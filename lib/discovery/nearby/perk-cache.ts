import "server-only";
import { LRUCache } from "lru-cache";
import { config } from "@/lib/config";
import { databaseUrl } from "@/lib/db/client";
import type { NearbyPerk } from "../nearby-contract";

// Each charger's perks, kept in process: a dense city's map asks for the same chargers again and
// again, and their perks change only when a merchant, location or offer is edited, or an offer
// ends. Entries are keyed by the database's discovery version, which triggers move on every
// edit of what a perk shows (migration …_discovery_version), so no instance shows an edit late;
// and by the charger's position, since an import may move it. Each entry expires when the first
// offer it shows ends, and after NEARBY_PIN_CACHE_SECONDS at most: that bounds what no edit
// marks (an offer reaching its start time; an edit read between its version bump and its commit).

type Located = { id: string; latitude: number; longitude: number };

let store: LRUCache<string, NearbyPerk[]> | undefined;
function cache(): LRUCache<string, NearbyPerk[]> | undefined {
  const seconds = config().NEARBY_PIN_CACHE_SECONDS;
  if (seconds === 0) return undefined;
  store ??= new LRUCache({ max: 20_000, ttl: seconds * 1000 });
  return store;
}

// one process may read two databases (tests)
const keyOf = (c: Located, version: string) => `${databaseUrl()}#${version}/${c.id}@${c.latitude},${c.longitude}`;

/** The cached perks of each charger that has them; the others are for the caller to read. */
export function cachedPerks<C extends Located>(
  chargers: C[],
  version: string,
): { hits: Map<string, NearbyPerk[]>; missing: C[] } {
  const hits = new Map<string, NearbyPerk[]>();
  const missing: C[] = [];
  const c = cache();
  for (const charger of chargers) {
    const perks = c?.get(keyOf(charger, version));
    if (perks) hits.set(charger.id, perks);
    else missing.push(charger);
  }
  return { hits, missing };
}

/**
 * Keeps a charger's perks until `endsInMs` after `readAt` (Date.now() before the read: the first
 * of its shown offers ends then; null: none ends), within the configured bound. An entry already
 * at its end is not kept.
 */
export function keepPerks(
  charger: Located,
  version: string,
  perks: NearbyPerk[],
  endsInMs: number | null,
  readAt: number,
): void {
  const c = cache();
  if (!c) return;
  const ttl = Math.min(c.ttl, (endsInMs ?? Infinity) - (Date.now() - readAt));
  if (ttl >= 1) c.set(keyOf(charger, version), perks, { ttl: Math.floor(ttl) });
}
