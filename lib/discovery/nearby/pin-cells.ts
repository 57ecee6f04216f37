import "server-only";
import { LRUCache } from "lru-cache";
import { config } from "@/lib/config";
import { db, Prisma } from "@/lib/db";
import { databaseUrl } from "@/lib/db/client";
import type { NearbyOffer } from "../nearby-contract";
import { inAreaSql, type Area } from "./area";
import { liveOffersSql, ownPinSql, pinnedLocationSql } from "./perk-sql";
import { MAX_OFFERS_PER_PERK, MAX_STRAIGHT_METERS } from "./rules";

// Partner pins (merchants with live offers) cached per map cell of 0.02° (about 2 km), keyed by
// the discovery version that the database moves on every merchant, location or offer edit
// (migration …_discovery_version): a dense city's map reads its pins once, not per request.
// The TTL bounds what no edit marks: an offer reaching its end time, and the instant between
// an edit's version bump and its commit.

export type PlacePin = {
  merchantId: string;
  name: string;
  category: string;
  latitude: number;
  longitude: number;
  offers: NearbyOffer[];
};
type Located = { latitude: number; longitude: number };

const CELL_DEG = 0.02;
/** More cells than this (chargers spread over a zoomed-out map): the per-charger probe instead. */
const MAX_CELLS = 36;
const METERS_PER_DEG_LAT = 111_195;

let cells: LRUCache<string, PlacePin[]> | undefined;
function cache(): LRUCache<string, PlacePin[]> | undefined {
  const ttlSeconds = config().NEARBY_PIN_CACHE_SECONDS;
  if (ttlSeconds === 0) return undefined;
  cells ??= new LRUCache({ max: 5_000, ttl: ttlSeconds * 1000 });
  return cells;
}

/** The database's discovery version: moves on every edit of what a pin shows. */
export async function readDiscoveryVersion(): Promise<string> {
  const rows = await db().$queryRaw<{ v: string }[]>`
    SELECT "last_value"::text || ':' || "is_called"::text AS "v" FROM "discovery_version"`;
  return rows[0]?.v ?? "0";
}

/**
 * Every partner pin within walking reach of the chargers, from the cell cache (loading the
 * missing cells in one indexed read); null when the chargers span too many cells or the cache
 * is off, for the caller's own query.
 */
export async function readPlacePinsCached(chargers: Located[], version: string): Promise<PlacePin[] | null> {
  const store = cache();
  const range = cellRange(chargers);
  if (!store || !range) return null;
  const keys: string[] = [];
  for (let i = range.i0; i <= range.i1; i++) for (let j = range.j0; j <= range.j1; j++) keys.push(`${i}:${j}`);
  const scope = `${databaseUrl()}#${version}`; // one process may read two databases (tests)
  const missing = keys.filter((k) => !store.has(`${scope}/${k}`));
  if (missing.length) await loadCells(store, scope, missing);
  return keys.flatMap((k) => store.get(`${scope}/${k}`) ?? []);
}

type Range = { i0: number; i1: number; j0: number; j1: number };
const cellOf = (deg: number) => Math.floor(deg / CELL_DEG);

function cellRange(chargers: Located[]): Range | null {
  if (chargers.length === 0) return null;
  const dLat = (MAX_STRAIGHT_METERS / METERS_PER_DEG_LAT) * 1.01;
  const lats = chargers.map((c) => c.latitude);
  const lngs = chargers.map((c) => c.longitude);
  const south = Math.min(...lats) - dLat;
  const north = Math.max(...lats) + dLat;
  const cos = Math.cos((Math.max(Math.abs(south), Math.abs(north)) * Math.PI) / 180);
  if (cos < 0.05) return null; // near the poles a cell is a sliver
  const dLng = dLat / cos;
  const range = {
    i0: cellOf(south),
    i1: cellOf(north),
    j0: cellOf(Math.min(...lngs) - dLng),
    j1: cellOf(Math.max(...lngs) + dLng),
  };
  return (range.i1 - range.i0 + 1) * (range.j1 - range.j0 + 1) <= MAX_CELLS ? range : null;
}

async function loadCells(store: LRUCache<string, PlacePin[]>, scope: string, keys: string[]): Promise<void> {
  const ij = keys.map((k) => k.split(":").map(Number));
  const range = {
    i0: Math.min(...ij.map(([i]) => i)),
    i1: Math.max(...ij.map(([i]) => i)),
    j0: Math.min(...ij.map(([, j]) => j)),
    j1: Math.max(...ij.map(([, j]) => j)),
  };
  const slack = 1e-9; // float edges: a pin on a cell's edge is read, then filed by cellOf
  const box: Area = {
    kind: "bbox",
    south: range.i0 * CELL_DEG - slack,
    north: (range.i1 + 1) * CELL_DEG + slack,
    west: range.j0 * CELL_DEG - slack,
    east: (range.j1 + 1) * CELL_DEG + slack,
    lat: ((range.i0 + range.i1 + 1) * CELL_DEG) / 2,
    lng: ((range.j0 + range.j1 + 1) * CELL_DEG) / 2,
  };
  const pins = await db().$queryRaw<PlacePin[]>(placePinsInBoxSql(box));
  const filed = new Map<string, PlacePin[]>();
  for (let i = range.i0; i <= range.i1; i++) for (let j = range.j0; j <= range.j1; j++) filed.set(`${i}:${j}`, []);
  for (const p of pins) filed.get(`${cellOf(p.latitude)}:${cellOf(p.longitude)}`)?.push(p);
  for (const [k, list] of filed) store.set(`${scope}/${k}`, list);
}

/** Pins (pinned Square locations, else the merchant's own coordinates) of live partners in a box. */
export function placePinsInBoxSql(box: Area): Prisma.Sql {
  const offers = liveOffersSql(MAX_OFFERS_PER_PERK);
  return Prisma.sql`
    SELECT l."merchantId", m."name", m."category", l."latitude", l."longitude", lo."offers"
    FROM "MerchantLocation" l JOIN "Merchant" m ON m."id" = l."merchantId" CROSS JOIN LATERAL ${offers} lo
    WHERE ${pinnedLocationSql} AND ${inAreaSql(box, Prisma.sql`l."latitude"`, Prisma.sql`l."longitude"`)}
      AND m."status" = 'ACTIVE' AND lo."offers" IS NOT NULL
    UNION ALL
    SELECT m."id", m."name", m."category", m."latitude", m."longitude", lo."offers"
    FROM "Merchant" m CROSS JOIN LATERAL ${offers} lo
    WHERE ${inAreaSql(box, Prisma.sql`m."latitude"`, Prisma.sql`m."longitude"`)} AND m."status" = 'ACTIVE'
      AND lo."offers" IS NOT NULL AND ${ownPinSql}`;
}
