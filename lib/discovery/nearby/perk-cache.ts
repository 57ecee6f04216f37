import "server-only";
import { LRUCache } from "lru-cache";
import { config } from "@/lib/config";
import { databaseUrl } from "@/lib/db/client";
import type { NearbyPerk } from "../nearby-contract";

// Each charger's perks, kept in process: a dense city's map asks for the same chargers again and
// again, and their perks change only when a merchant, location or offer is edited, or an offer
// starts or ends. Entries are keyed by the database's discovery version, which triggers move on
// every edit of what a perk shows (migrations …_discovery_version, …_at_commit), so no instance
// shows an edit late; and by the charger's position, since an import may move it. Each entry
// ends when the first offer it shows ends or an offer near it starts (perks.ts, by the
// database's clock), and after NEARBY_PIN_CACHE_SECONDS at most.
//
// The race that bound is for: the version is read (chargers statement) before the perks (a
// second statement, its own snapshot). An edit committing between the two is harmless: its
// statement-time bump is either in the version read (the perks then show the edit) or after it
// (the entry is keyed by a version later queries no longer read). An edit bumped before the
// version read but not yet committed when the perks are read is the danger: the old perks under
// a version every later query reads. The commit-time bump (…_at_commit) moves the version again
// as it commits, so only an edit whose last bump is read and whose commit is still not visible
// when the perks statement starts — its commit's flush overlapping our two round trips, a
// millisecond or so — can leave a stale entry, and the bound ends it.

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
 * Keeps a charger's perks until `changesInMs` after `readAt` (Date.now() before the read: one of
 * its shown offers ends or an offer near it starts then; null: neither), within the configured
 * bound. An entry already at its end is not kept.
 */
export function keepPerks(
  charger: Located,
  version: string,
  perks: NearbyPerk[],
  changesInMs: number | null,
  readAt: number,
): void {
  const c = cache();
  if (!c) return;
  const ttl = Math.min(c.ttl, (changesInMs ?? Infinity) - (Date.now() - readAt));
  if (ttl >= 1) c.set(keyOf(charger, version), perks, { ttl: Math.floor(ttl) });
}
