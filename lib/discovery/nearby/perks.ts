import { Prisma } from "@/lib/db";
import type { NearbyOffer, NearbyPerk } from "../nearby-contract";
import { withinSql, type Area } from "./area";
import { earthDistance, pairWithin } from "./pair";
import { cachedPerks, keepPerks } from "./perk-cache";
import { liveOffersSql, ownPinSql, pinnedLocationSql } from "./perk-sql";
import { queryNearby } from "./pool";
import { MAX_OFFERS_PER_PERK, MAX_PERKS_PER_CHARGER, MAX_STRAIGHT_METERS, walkMinutes } from "./rules";

type Located = { id: string; latitude: number; longitude: number; distanceMeters: number };
/** A live partner's pin; `chargerId` set when it is attached to that charger (Merchant.chargerId). */
export type PinRow = {
  chargerId: string | null;
  merchantId: string;
  name: string;
  category: string;
  latitude: number;
  longitude: number;
  offers: NearbyOffer[];
  /** Until the first of those offers ends (the database's clock); null when none ends. */
  endsInMs: number | null;
};
type Near = { pin: PinRow; distanceMeters: number };

/**
 * Each charger's perks: from the perk cache (perk-cache.ts), and for the chargers it lacks one
 * statement whatever their number — the pins of ACTIVE merchants with live offers (and those
 * offers) within walking distance of any of them, one GiST-indexed read, plus the merchants
 * attached to one of them by Merchant.chargerId wherever they are — paired in memory (pair.ts).
 * A merchant with several pins counts once, at its nearest; a charger keeps its nearest six.
 */
export async function readPerks(
  area: Area,
  chargers: Located[],
  discoveryVersion: string,
): Promise<Map<string, NearbyPerk[]>> {
  const { hits: out, missing } = cachedPerks(chargers, discoveryVersion);
  if (missing.length === 0) return out;
  const readAt = Date.now();
  const pins = await queryNearby<PinRow>(perksSql(area, missing));
  const byPlace = pairWithin(
    missing,
    pins.filter((p) => p.chargerId === null),
  );
  for (const c of missing) {
    const near: Near[] = [
      ...(byPlace.get(c.id) ?? []),
      ...pins
        .filter((p) => p.chargerId === c.id)
        .map((pin) => ({ pin, distanceMeters: earthDistance(c.latitude, c.longitude, pin.latitude, pin.longitude) })),
    ].sort((a, b) => a.distanceMeters - b.distanceMeters || (a.pin.merchantId < b.pin.merchantId ? -1 : 1));
    const seen = new Set<string>();
    const chosen = near
      .filter((n) => !seen.has(n.pin.merchantId) && seen.add(n.pin.merchantId))
      .slice(0, MAX_PERKS_PER_CHARGER);
    const perks = chosen.map(({ pin, distanceMeters }) => ({
      merchantId: pin.merchantId,
      name: pin.name,
      category: pin.category,
      latitude: pin.latitude,
      longitude: pin.longitude,
      distanceMeters,
      walkMinutes: walkMinutes(distanceMeters),
      offers: pin.offers,
    }));
    const ends = chosen.map((n) => n.pin.endsInMs).filter((ms): ms is number => ms !== null);
    keepPerks(c, discoveryVersion, perks, ends.length ? Math.min(...ends) : null, readAt);
    out.set(c.id, perks);
  }
  return out;
}

/**
 * Where to look for pins. Chargers close together (a city): one circle around the area's
 * centre reaching every charger's walking circle — one index scan. Chargers far apart (a
 * zoomed-out map), where that circle would be mostly empty land full of other merchants: one
 * index probe per charger's walking circle instead (a LATERAL per charger; duplicates where
 * circles overlap are merged in memory).
 */
function pinPlace(area: Area, chargers: Located[]) {
  const reach = Math.max(...chargers.map((c) => c.distanceMeters)) + MAX_STRAIGHT_METERS + 1;
  const spreadOut = reach ** 2 > PROBE_RATIO * chargers.length * MAX_STRAIGHT_METERS ** 2;
  const circles = Prisma.sql`(SELECT ll_to_earth(t."lat", t."lng") AS e
    FROM unnest(${chargers.map((c) => c.latitude)}::float8[], ${chargers.map((c) => c.longitude)}::float8[]) AS t("lat", "lng"))`;
  return {
    near: (alias: "l" | "m") => {
      const [lat, lng] = [Prisma.raw(`${alias}."latitude"`), Prisma.raw(`${alias}."longitude"`)];
      return spreadOut
        ? Prisma.sql`earth_box(s.e, ${MAX_STRAIGHT_METERS}::float8) @> ll_to_earth(${lat}, ${lng})`
        : withinSql(area, reach, lat, lng);
    },
    each: (rows: Prisma.Sql) =>
      spreadOut ? Prisma.sql`SELECT p.* FROM ${circles} s CROSS JOIN LATERAL (${rows} OFFSET 0) p` : rows,
  };
}
/** Probe per charger when the centre's circle is this many times the chargers' walking circles. */
const PROBE_RATIO = 4;

/** The place pins near the chargers (bench:nearby EXPLAINs it). */
export function pinsSql(area: Area, chargers: Located[]) {
  const { near, each } = pinPlace(area, chargers);
  const offers = liveOffersSql(MAX_OFFERS_PER_PERK);
  return Prisma.sql`
    ${each(Prisma.sql`SELECT NULL::text AS "chargerId", l."merchantId", m."name", m."category", l."latitude", l."longitude",
      lo."offers", lo."endsInMs"
    FROM "MerchantLocation" l JOIN "Merchant" m ON m."id" = l."merchantId" CROSS JOIN LATERAL ${offers} lo
    WHERE ${pinnedLocationSql} AND ${near("l")} AND m."status" = 'ACTIVE' AND lo."offers" IS NOT NULL`)}
    UNION ALL
    ${each(Prisma.sql`SELECT NULL::text AS "chargerId", m."id" AS "merchantId", m."name", m."category", m."latitude", m."longitude",
      lo."offers", lo."endsInMs"
    FROM "Merchant" m CROSS JOIN LATERAL ${offers} lo
    WHERE ${near("m")} AND m."status" = 'ACTIVE' AND lo."offers" IS NOT NULL AND ${ownPinSql}`)}`;
}

/** Live merchants attached to one of the chargers by Merchant.chargerId, at their pin. */
export function attachedPinsSql(chargers: { id: string }[]) {
  const offers = liveOffersSql(MAX_OFFERS_PER_PERK);
  return Prisma.sql`
    SELECT m."chargerId", m."id" AS "merchantId", m."name", m."category", coalesce(l."latitude", m."latitude") AS "latitude",
      coalesce(l."longitude", m."longitude") AS "longitude", lo."offers", lo."endsInMs"
    FROM "Merchant" m
      LEFT JOIN LATERAL (SELECT l."latitude", l."longitude" FROM "MerchantLocation" l
        WHERE l."merchantId" = m."id" AND ${pinnedLocationSql} OFFSET 0) l ON true -- OFFSET 0: an index probe per merchant, not a hash join over all locations
      CROSS JOIN LATERAL ${offers} lo
    WHERE m."chargerId" = ANY(${chargers.map((c) => c.id)}::text[]) AND m."status" = 'ACTIVE' AND lo."offers" IS NOT NULL`;
}

/** readPerks' one statement: the place pins and the attached merchants. */
export function perksSql(area: Area, chargers: Located[]) {
  return Prisma.sql`${pinsSql(area, chargers)}
    UNION ALL
    ${attachedPinsSql(chargers)}`;
}
