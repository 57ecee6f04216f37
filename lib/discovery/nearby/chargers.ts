import { db, Prisma } from "@/lib/db";
import type { NearbyQuery } from "../nearby-contract";
import { centreSql, inAreaSql, type Area } from "./area";
import { hasPerkSql } from "./perk-sql";

export type ChargerRow = {
  id: string;
  name: string;
  network: string | null;
  address: string;
  latitude: number;
  longitude: number;
  powerKw: number | null;
  connectors: string[];
  status: string;
  accessHours: string | null;
  isPartner: boolean;
  distanceMeters: number;
};

/** The query's filters on the charger aliased `c`. */
function filtersSql(q: NearbyQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (q.connector !== undefined) parts.push(Prisma.sql`${q.connector} = ANY(c."connectors")`);
  if (q.minKw !== undefined && q.minKw > 0) parts.push(Prisma.sql`c."powerKw" >= ${q.minKw}::float8`);
  if (q.network !== undefined) parts.push(Prisma.sql`lower(c."network") = lower(${q.network})`);
  if (q.availableNow) parts.push(Prisma.sql`c."status" = 'E' AND c."accessCode" = 'public'`);
  if (q.partnersOnly) parts.push(Prisma.sql`(c."isPartner" OR ${hasPerkSql()})`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * Matching chargers nearest the area's centre first, at most `take`. The ORDER BY on the cube
 * distance `<->` (monotonic in great-circle distance) lets the GiST index return rows in order
 * (a KNN scan), so a wide radius costs no more than a narrow one. `band` narrows the search to
 * chargers closer than `band.before` metres that are not already in `band.except`.
 */
export async function readChargers(
  area: Area,
  q: NearbyQuery,
  take: number,
  band?: { before: number; except: string[] },
): Promise<ChargerRow[]> {
  const centre = centreSql(area);
  const point = Prisma.sql`ll_to_earth(c."latitude", c."longitude")`;
  const bandSql = band
    ? Prisma.sql`AND earth_box(${centre}, ${band.before}::float8) @> ${point}
        AND earth_distance(${centre}, ${point}) < ${band.before}::float8 AND c."id" <> ALL(${band.except}::text[])`
    : Prisma.empty;
  return db().$queryRaw<ChargerRow[]>`
    SELECT c."id", c."name", c."network", c."address", c."latitude", c."longitude", c."powerKw",
      c."connectors", c."status", c."accessHours", c."isPartner",
      earth_distance(${centre}, ${point}) AS "distanceMeters"
    FROM "Charger" c
    WHERE ${inAreaSql(area, Prisma.sql`c."latitude"`, Prisma.sql`c."longitude"`)} ${filtersSql(q)} ${bandSql}
    ORDER BY ${point} <-> ${centre}, c."id"
    LIMIT ${take}`;
}

/** When the charger data was last refreshed: the newest import (an index-only read), ISO; null for demo data. */
export async function readAsOf(): Promise<string | null> {
  const rows = await db().$queryRaw<{ asOf: Date | null }[]>`SELECT max("importedAt") AS "asOf" FROM "Charger"`;
  return rows[0]?.asOf ? new Date(rows[0].asOf).toISOString() : null;
}
