import { Prisma } from "@/lib/db";
import type { NearbyOffer, NearbyPerk } from "../nearby-contract";
import { withinSql, type Area } from "./area";
import { earthDistance, pairWithin } from "./pair";
import { cachedPerks, keepPerks } from "./perk-cache";
import { liveOffersSql, ownPinSql, pinnedLocationSql } from "./perk-sql";
import { queryNearby } from "./pool";
import { MAX_OFFERS_PER_PERK, MAX_PERKS_PER_CHARGER, MAX_STRAIGHT_METERS, walkMinutes } from "./rules";

type Located = { id: string; latitude: number; longitude: number };
/** A live partner's pin; `chargerId` set when it is attached to that charger (Merchant.chargerId). */
export type PinRow = {
  chargerId: string | null;
  merchantId: string;
  name: string;
  category: string;
  latitude: number;
  longitude: number;
  /** Null when none is live yet: the pin only marks when the cache must look again. */
  offers: NearbyOffer[] | null;
  /** Until the first of those offers ends (the database's clock); null when none ends. */
  endsInMs: number | null;
  /** Until the merchant's next offer starts; null when none is to come. */
  startsInMs: number | null;
};
type Near = { pin: PinRow; distanceMeters: number };

/**
 * Each charger's perks: from the perk cache (perk-cache.ts), and for the chargers it lacks one
 * statement whatever their number — the pins of ACTIVE merchants with live offers (and those
 * offers) within walking distance of any of them, one GiST-indexed read, plus the merchants
 * attached to one of them by Merchant.chargerId wherever they are — paired in memory (pair.ts).
 * A merchant with several pins counts once, at its nearest; a charger keeps its nearest six.
 */
export async function readPerks(chargers: Located[], discoveryVersion: string): Promise<Map<string, NearbyPerk[]>> {
  const { hits: out, missing } = cachedPerks(chargers, discoveryVersion);
  if (missing.length === 0) return out;
  const readAt = Date.now();
  const pins = await queryNearby<PinRow>(perksSql(missing));
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
      .filter((n) => n.pin.offers !== null && !seen.has(n.pin.merchantId) && seen.add(n.pin.merchantId))
      .slice(0, MAX_PERKS_PER_CHARGER);
    const perks = chosen.map(({ pin, distanceMeters }) => ({
      merchantId: pin.merchantId,
      name: pin.name,
      category: pin.category,
      latitude: pin.latitude,
      longitude: pin.longitude,
      distanceMeters,
      walkMinutes: walkMinutes(distanceMeters),
      offers: pin.offers ?? [],
    }));
    keepPerks(c, discoveryVersion, perks, changesInMs(near, chosen), readAt);
    out.set(c.id, perks);
  }
  return out;
}

/**
 * When a charger's perks next change with no edit (null: never): the first of the chosen offers
 * ends, or an offer starts that would be shown — one of a chosen merchant's, or one of a merchant
 * not farther than the last chosen (a full list's farther merchants could not enter it).
 */
function changesInMs(near: Near[], chosen: Near[]): number | null {
  const shown = new Set(chosen.map((n) => n.pin.merchantId));
  const last = chosen.length < MAX_PERKS_PER_CHARGER ? Infinity : chosen[chosen.length - 1].distanceMeters;
  const times = [
    ...chosen.map((n) => n.pin.endsInMs),
    ...near.filter((n) => shown.has(n.pin.merchantId) || n.distanceMeters <= last).map((n) => n.pin.startsInMs),
  ].filter((ms): ms is number => ms !== null);
  return times.length ? Math.min(...times) : null;
}

/**
 * Where to look for pins. Chargers close together (a city): one circle around the middle of
 * them reaching every charger's walking circle — one index scan. Chargers far apart, or a few
 * (the ones the perk cache lacks, scattered over a city), where that circle would hold many
 * merchants no charger reaches: one index probe per charger's walking circle instead (a LATERAL
 * per charger; duplicates where circles overlap are merged in memory) — whichever covers less
 * ground. (Measured on the bench data, 5 chargers of a downtown 2 km answer: 4–5 ms probing,
 * 11 ms reading the circle.)
 */
function pinPlace(chargers: Located[], how?: PinReading) {
  const lats = chargers.map((c) => c.latitude);
  const lngs = chargers.map((c) => c.longitude);
  const middle: Area = {
    kind: "radius",
    lat: (Math.min(...lats) + Math.max(...lats)) / 2,
    lng: (Math.min(...lngs) + Math.max(...lngs)) / 2,
    radius: 0,
  };
  const reach =
    Math.max(...chargers.map((c) => earthDistance(middle.lat, middle.lng, c.latitude, c.longitude))) +
    MAX_STRAIGHT_METERS +
    1;
  const spreadOut =
    (how ?? (reach ** 2 > chargers.length * MAX_STRAIGHT_METERS ** 2 ? "per charger" : "one circle")) === "per charger";
  const circles = Prisma.sql`(SELECT ll_to_earth(t."lat", t."lng") AS e
    FROM unnest(${lats}::float8[], ${lngs}::float8[]) AS t("lat", "lng"))`;
  return {
    near: (alias: "l" | "m") => {
      const [lat, lng] = [Prisma.raw(`${alias}."latitude"`), Prisma.raw(`${alias}."longitude"`)];
      return spreadOut
        ? Prisma.sql`earth_box(s.e, ${MAX_STRAIGHT_METERS}::float8) @> ll_to_earth(${lat}, ${lng})`
        : withinSql(middle, reach, lat, lng);
    },
    each: (rows: Prisma.Sql) =>
      spreadOut ? Prisma.sql`SELECT p.* FROM ${circles} s CROSS JOIN LATERAL (${rows} OFFSET 0) p` : rows,
  };
}

/** How the pins are read; left out, whichever covers less ground. */
export type PinReading = "one circle" | "per charger";

/** A merchant with a live offer (a perk) or one to come (the cache must look again when it starts). */
const liveOrComing = Prisma.sql`(lo."offers" IS NOT NULL OR lo."startsInMs" IS NOT NULL)`;

/** The place pins near the chargers (bench:nearby EXPLAINs it). */
export function pinsSql(chargers: Located[], how?: PinReading) {
  const { near, each } = pinPlace(chargers, how);
  const offers = liveOffersSql(MAX_OFFERS_PER_PERK);
  return Prisma.sql`
    ${each(Prisma.sql`SELECT NULL::text AS "chargerId", l."merchantId", m."name", m."category", l."latitude", l."longitude",
      lo."offers", lo."endsInMs", lo."startsInMs"
    FROM "MerchantLocation" l JOIN "Merchant" m ON m."id" = l."merchantId" CROSS JOIN LATERAL ${offers} lo
    WHERE ${pinnedLocationSql} AND ${near("l")} AND m."status" = 'ACTIVE' AND ${liveOrComing}`)}
    UNION ALL
    ${each(Prisma.sql`SELECT NULL::text AS "chargerId", m."id" AS "merchantId", m."name", m."category", m."latitude", m."longitude",
      lo."offers", lo."endsInMs", lo."startsInMs"
    FROM "Merchant" m CROSS JOIN LATERAL ${offers} lo
    WHERE ${near("m")} AND m."status" = 'ACTIVE' AND ${liveOrComing} AND ${ownPinSql}`)}`;
}

/** Live merchants attached to one of the chargers by Merchant.chargerId, at their pin. */
export function attachedPinsSql(chargers: { id: string }[]) {
  const offers = liveOffersSql(MAX_OFFERS_PER_PERK);
  return Prisma.sql`
    SELECT m."chargerId", m."id" AS "merchantId", m."name", m."category", coalesce(l."latitude", m."latitude") AS "latitude",
      coalesce(l."longitude", m."longitude") AS "longitude", lo."offers", lo."endsInMs", lo."startsInMs"
    FROM "Merchant" m
      LEFT JOIN LATERAL (SELECT l."latitude", l."longitude" FROM "MerchantLocation" l
        WHERE l."merchantId" = m."id" AND ${pinnedLocationSql} OFFSET 0) l ON true -- OFFSET 0: an index probe per merchant, not a hash join over all locations
      CROSS JOIN LATERAL ${offers} lo
    WHERE m."chargerId" = ANY(${chargers.map((c) => c.id)}::text[]) AND m."status" = 'ACTIVE' AND ${liveOrComing}`;
}

/** readPerks' one statement: the place pins and the attached merchants. */
export function perksSql(chargers: Located[]) {
  return Prisma.sql`${pinsSql(chargers)}
    UNION ALL
    ${attachedPinsSql(chargers)}`;
}
