import { Prisma } from "@/lib/db";
import { MAX_STRAIGHT_METERS } from "./rules";

// What makes a merchant a perk, as SQL shared by the perks query and the partnersOnly filter,
// so both agree: an ACTIVE merchant with a live offer (active, started, not ended, open to every
// driver: a campaign-only offer is listed to its unlocked drivers alone, never on the map), pinned at
// its active Square locations with coordinates, else at its own latitude/longitude.

/** "now" as the timestamp-without-time-zone Prisma stores (UTC). */
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** The merchant aliased `m` is ACTIVE and has a live offer. */
export const liveMerchantSql = Prisma.sql`m."status" = 'ACTIVE' AND EXISTS (
  SELECT 1 FROM "Offer" o WHERE o."merchantId" = m."id" AND o."active" AND NOT o."unlockOnly"
    AND o."startsAt" <= ${NOW} AND (o."endsAt" IS NULL OR o."endsAt" > ${NOW}))`;

/**
 * The live offers of the merchant aliased `m`, cheapest first, at most `max`, as a JSON array
 * column "offers" (NULL when it has none) — for a CROSS JOIN LATERAL —, "endsInMs": how long
 * until the first of those ends, and "startsInMs": how long until its next offer not started yet
 * starts (by the database's clock; NULL when none ends / none is to come). A merchant with no
 * live offer but one to come has "offers" NULL and "startsInMs" set: not a perk yet, but the
 * perk cache must drop what it shows near it when that offer starts. One read of the merchant's
 * offers (its index), numbered among the live ones and among those to come.
 */
export const liveOffersSql = (max: number) => Prisma.sql`(
  SELECT json_agg(json_build_object('id', o."id", 'title', o."title", 'novaPrice', o."novaPrice")
      ORDER BY o."novaPrice", o."title", o."id") FILTER (WHERE o."live" AND o."n" <= ${max}) AS "offers",
    (extract(epoch FROM min(o."endsAt") FILTER (WHERE o."live" AND o."n" <= ${max}) - ${NOW}) * 1000)::float8 AS "endsInMs",
    (extract(epoch FROM min(o."startsAt") FILTER (WHERE NOT o."live") - ${NOW}) * 1000)::float8 AS "startsInMs"
  FROM (SELECT o."id", o."title", o."novaPrice", o."startsAt", o."endsAt", o."startsAt" <= ${NOW} AS "live",
      row_number() OVER (PARTITION BY o."startsAt" <= ${NOW} ORDER BY o."novaPrice", o."title", o."id") AS "n"
    FROM "Offer" o
    WHERE o."merchantId" = m."id" AND o."active" AND NOT o."unlockOnly" AND (o."endsAt" IS NULL OR o."endsAt" > ${NOW})) o)`;

/** The location aliased `l` is a pin (active, with coordinates). */
export const pinnedLocationSql = Prisma.sql`l."active" AND l."latitude" IS NOT NULL AND l."longitude" IS NOT NULL`;

/** The merchant aliased `m` has no pinned location, so its own coordinates are its pin. */
export const ownPinSql = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "MerchantLocation" l WHERE l."merchantId" = m."id" AND ${pinnedLocationSql})`;

const W = Prisma.sql`${MAX_STRAIGHT_METERS}::float8`;
const near = (e: Prisma.Sql, lat: Prisma.Sql, lng: Prisma.Sql) =>
  Prisma.sql`earth_box(${e}, ${W}) @> ll_to_earth(${lat}, ${lng}) AND earth_distance(${e}, ll_to_earth(${lat}, ${lng})) <= ${W}`;

/** The charger aliased `c` has at least one perk (the partnersOnly filter; see perks.ts for the list). */
export function hasPerkSql(): Prisma.Sql {
  const e = Prisma.sql`ll_to_earth(c."latitude", c."longitude")`;
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "MerchantLocation" l JOIN "Merchant" m ON m."id" = l."merchantId"
      WHERE ${pinnedLocationSql} AND ${near(e, Prisma.sql`l."latitude"`, Prisma.sql`l."longitude"`)} AND ${liveMerchantSql})
    OR EXISTS (SELECT 1 FROM "Merchant" m
      WHERE ${near(e, Prisma.sql`m."latitude"`, Prisma.sql`m."longitude"`)} AND ${liveMerchantSql} AND ${ownPinSql})
    OR EXISTS (SELECT 1 FROM "Merchant" m WHERE m."chargerId" = c."id" AND ${liveMerchantSql})
  )`;
}
