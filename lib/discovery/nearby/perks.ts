import { db, Prisma } from "@/lib/db";
import type { NearbyPerk } from "../nearby-contract";
import { withinSql, type Area } from "./area";
import { liveMerchantSql, ownPinSql, pinnedLocationSql } from "./perk-sql";
import { MAX_OFFERS_PER_PERK, MAX_PERKS_PER_CHARGER, MAX_STRAIGHT_METERS, walkMinutes } from "./rules";

type Located = { id: string; latitude: number; longitude: number; distanceMeters: number };
type PerkRow = {
  chargerId: string;
  merchantId: string;
  name: string;
  category: string;
  latitude: number;
  longitude: number;
  distanceMeters: number;
};

/**
 * Each charger's perks in two queries whatever the number of chargers: (1) the pins of live
 * merchants within walking distance of any of them — read once for the whole area through the
 * GiST indexes, then paired with the chargers — plus merchants attached to a charger
 * (Merchant.chargerId) wherever they are; (2) those merchants' live offers.
 * A merchant with several pins counts once, at its nearest.
 */
export async function readPerks(area: Area, chargers: Located[]): Promise<Map<string, NearbyPerk[]>> {
  const out = new Map<string, NearbyPerk[]>();
  if (chargers.length === 0) return out;
  const reach = Math.max(...chargers.map((c) => c.distanceMeters)) + MAX_STRAIGHT_METERS + 1;
  const W = Prisma.sql`${MAX_STRAIGHT_METERS}::float8`;
  const rows = await db().$queryRaw<PerkRow[]>`
    WITH s AS MATERIALIZED (
      SELECT t."id", ll_to_earth(t."lat", t."lng") AS e
      FROM unnest(${chargers.map((c) => c.id)}::text[], ${chargers.map((c) => c.latitude)}::float8[],
        ${chargers.map((c) => c.longitude)}::float8[]) AS t("id", "lat", "lng")
    ), pins AS MATERIALIZED (
      SELECT l."merchantId", l."latitude", l."longitude", ll_to_earth(l."latitude", l."longitude") AS e
      FROM "MerchantLocation" l JOIN "Merchant" m ON m."id" = l."merchantId"
      WHERE ${pinnedLocationSql} AND ${withinSql(area, reach, Prisma.sql`l."latitude"`, Prisma.sql`l."longitude"`)}
        AND ${liveMerchantSql}
      UNION ALL
      SELECT m."id", m."latitude", m."longitude", ll_to_earth(m."latitude", m."longitude")
      FROM "Merchant" m
      WHERE ${withinSql(area, reach, Prisma.sql`m."latitude"`, Prisma.sql`m."longitude"`)} AND ${liveMerchantSql} AND ${ownPinSql}
    ), near AS (
      SELECT s."id" AS "chargerId", p."merchantId", p."latitude", p."longitude", earth_distance(s.e, p.e) AS d
      FROM s JOIN pins p ON earth_box(s.e, ${W}) @> p.e
      WHERE earth_distance(s.e, p.e) <= ${W}
      UNION ALL
      SELECT s."id", m."id", pin."latitude", pin."longitude", earth_distance(s.e, ll_to_earth(pin."latitude", pin."longitude"))
      FROM s JOIN "Merchant" m ON m."chargerId" = s."id"
      CROSS JOIN LATERAL (
        SELECT x."latitude", x."longitude" FROM (
          SELECT l."latitude", l."longitude", 0 AS own FROM "MerchantLocation" l WHERE l."merchantId" = m."id" AND ${pinnedLocationSql}
          UNION ALL SELECT m."latitude", m."longitude", 1
        ) x ORDER BY x.own, earth_distance(s.e, ll_to_earth(x."latitude", x."longitude")) LIMIT 1
      ) pin
      WHERE ${liveMerchantSql}
    )
    SELECT DISTINCT ON (n."chargerId", n."merchantId") n."chargerId", n."merchantId", m."name", m."category",
      n."latitude", n."longitude", n.d AS "distanceMeters"
    FROM near n JOIN "Merchant" m ON m."id" = n."merchantId"
    ORDER BY n."chargerId", n."merchantId", n.d`;
  const byCharger = new Map<string, PerkRow[]>();
  for (const r of rows) byCharger.set(r.chargerId, [...(byCharger.get(r.chargerId) ?? []), r]);
  for (const list of byCharger.values())
    list.sort((a, b) => a.distanceMeters - b.distanceMeters || (a.merchantId < b.merchantId ? -1 : 1));
  const kept = [...byCharger.values()].flatMap((list) => list.slice(0, MAX_PERKS_PER_CHARGER));
  const offers = await readOffers([...new Set(kept.map((r) => r.merchantId))]);
  for (const r of kept) {
    const list = offers.get(r.merchantId) ?? [];
    if (list.length === 0) continue; // its last offer ended between the two reads
    const perk: NearbyPerk = {
      merchantId: r.merchantId,
      name: r.name,
      category: r.category,
      latitude: r.latitude,
      longitude: r.longitude,
      distanceMeters: r.distanceMeters,
      walkMinutes: walkMinutes(r.distanceMeters),
      offers: list.slice(0, MAX_OFFERS_PER_PERK),
    };
    out.set(r.chargerId, [...(out.get(r.chargerId) ?? []), perk]);
  }
  return out;
}

/** Live offers of these merchants, cheapest first. */
async function readOffers(merchantIds: string[]) {
  const out = new Map<string, { id: string; title: string; novaPrice: number }[]>();
  if (merchantIds.length === 0) return out;
  const now = new Date();
  const offers = await db().offer.findMany({
    where: {
      merchantId: { in: merchantIds },
      active: true,
      startsAt: { lte: now },
      OR: [{ endsAt: null }, { endsAt: { gt: now } }],
    },
    orderBy: [{ novaPrice: "asc" }, { title: "asc" }, { id: "asc" }],
    select: { id: true, title: true, novaPrice: true, merchantId: true },
  });
  for (const { merchantId, ...o } of offers) out.set(merchantId, [...(out.get(merchantId) ?? []), o]);
  return out;
}
