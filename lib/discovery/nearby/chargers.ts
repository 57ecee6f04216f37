import { Prisma } from "@/lib/db";
import type { NearbyCharger, NearbyQuery } from "../nearby-contract";
import { centreSql, inAreaSql, type Area } from "./area";
import { hasPerkSql } from "./perk-sql";
import { queryNearby } from "./pool";

/** A charger as the query reads it; its perks are paired with it afterwards. */
export type ChargerRow = Omit<NearbyCharger, "perks">;

/** The chargers nearest the centre, with what the rest of the answer needs from the same snapshot. */
export type Nearest = {
  /** At most `take`, nearest first. */
  chargers: ChargerRow[];
  /** The newest import (ISO), null for demo data. */
  asOf: string | null;
  /** The discovery version (the perk cache's key): moves on every edit of what a perk shows. */
  version: string;
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
 * A radius is tested in memory, on the rows the index scan returns, unless a costly filter
 * (partnersOnly's perk test) would then run on the rows in the corners of the radius's box:
 * the rows come nearest first, so those beyond the radius are a tail to cut off, and the SQL
 * test would only compute each row's distance a second time.
 */
const radiusInMemory = (area: Area, q: NearbyQuery) => area.kind === "radius" && !q.partnersOnly;

type Row = ChargerRow & { asOf: string | null; version: string };

/**
 * Matching chargers nearest the area's centre first, at most `take`, in one statement that also
 * reads the newest import time and the discovery version. The ORDER BY on the cube distance
 * `<->` (monotonic in great-circle distance) lets the GiST index return rows in order (a KNN
 * scan), so a wide radius costs no more than a narrow one.
 */
export async function readNearest(area: Area, q: NearbyQuery, take: number): Promise<Nearest> {
  const rows = await queryNearby<Row>(nearestSql(area, q, take));
  const first = rows[0];
  const found = rows.filter((r) => r.id !== null) as Row[];
  const inside =
    area.kind === "radius" && radiusInMemory(area, q) ? found.filter((r) => r.distanceMeters <= area.radius) : found;
  return {
    chargers: inside.map(({ asOf: _a, version: _v, ...charger }) => charger),
    asOf: first?.asOf ?? null,
    version: first?.version ?? "0",
  };
}

/** The chargers statement readNearest runs (bench:nearby EXPLAINs it). */
export function chargersSql(area: Area, q: NearbyQuery, take: number) {
  const centre = centreSql(area);
  const point = Prisma.sql`ll_to_earth(c."latitude", c."longitude")`;
  const where =
    area.kind === "radius" && radiusInMemory(area, q)
      ? Prisma.sql`earth_box(${centre}, ${area.radius}::float8) @> ${point}`
      : inAreaSql(area, Prisma.sql`c."latitude"`, Prisma.sql`c."longitude"`);
  return Prisma.sql`
    SELECT c."id", c."name", c."network", c."address", c."latitude", c."longitude", c."powerKw",
      c."connectors", c."status", c."accessHours", c."isPartner",
      earth_distance(${centre}, ${point}) AS "distanceMeters"
    FROM "Charger" c
    WHERE ${where} ${filtersSql(q)}
    ORDER BY ${point} <-> ${centre}
    LIMIT ${take}`;
}

/**
 * The chargers beside the newest import time (an index-only read) and the discovery version,
 * one round trip; a single row of nulls but those two when no charger matches.
 */
function nearestSql(area: Area, q: NearbyQuery, take: number) {
  return Prisma.sql`
    SELECT s."asOf", s."version", c.*
    FROM (SELECT
        (SELECT to_char(max("importedAt"), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM "Charger") AS "asOf",
        (SELECT "last_value"::text || ':' || "is_called"::text FROM "discovery_version") AS "version") s
      LEFT JOIN LATERAL (${chargersSql(area, q, take)}) c ON true`;
}
