import pg from "pg";
import { db, Prisma } from "@/lib/db";
import { databaseUrl } from "@/lib/db/client";
import { logger } from "@/lib/observability";
import type { NearbyCharger, NearbyQuery } from "../nearby-contract";
import { centreSql, inAreaSql, type Area } from "./area";
import { hasPerkSql } from "./perk-sql";

/** A charger as the query reads it; its perks are paired with it afterwards. */
export type ChargerRow = Omit<NearbyCharger, "perks">;

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
 * (a KNN scan), so a wide radius costs no more than a narrow one.
 */
export async function readChargers(area: Area, q: NearbyQuery, take: number): Promise<ChargerRow[]> {
  const sql = chargersSql(area, q, take);
  const { rows } = await knnPool().query<ChargerRow>(sql.text, sql.values as unknown[]);
  return rows;
}

const globalForKnn = globalThis as unknown as { nervaKnnPools?: Map<string, pg.Pool> };

/**
 * A small pool of its own (per database) whose sessions have bitmap and sequential scans off:
 * the planner cannot estimate how many rows a cube test keeps (it guesses 0.1%), so it would
 * read every charger in the area (or the table) and sort them, where the index scan returns
 * them nearest first and stops at `take`. Set per connection, the statement is one round trip
 * (a transaction with SET LOCAL took four). Only the chargers statement runs here.
 */
function knnPool(): pg.Pool {
  const url = databaseUrl();
  const pools = (globalForKnn.nervaKnnPools ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: 4,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
      options: "-c enable_bitmapscan=off -c enable_seqscan=off",
    });
    // an idle session dropped by the server (a restart, a failover) is an 'error' event: unhandled, it
    // would take the whole process down; the pool replaces the session on the next query
    pool.on("error", (err: Error) => logger.warn({ err: err.message }, "nearby chargers pool: idle session lost"));
    pools.set(url, pool);
  }
  return pool;
}

/** The statement readChargers runs (bench:nearby EXPLAINs it). */
export function chargersSql(area: Area, q: NearbyQuery, take: number) {
  const centre = centreSql(area);
  const point = Prisma.sql`ll_to_earth(c."latitude", c."longitude")`;
  return Prisma.sql`
    SELECT c."id", c."name", c."network", c."address", c."latitude", c."longitude", c."powerKw",
      c."connectors", c."status", c."accessHours", c."isPartner",
      earth_distance(${centre}, ${point}) AS "distanceMeters"
    FROM "Charger" c
    WHERE ${inAreaSql(area, Prisma.sql`c."latitude"`, Prisma.sql`c."longitude"`)} ${filtersSql(q)}
    ORDER BY ${point} <-> ${centre}
    LIMIT ${take}`;
}

/** When the charger data was last refreshed: the newest import (an index-only read), ISO; null for demo data. */
export async function readAsOf(): Promise<string | null> {
  const rows = await db().$queryRaw<{ asOf: Date | null }[]>`SELECT max("importedAt") AS "asOf" FROM "Charger"`;
  return rows[0]?.asOf ? new Date(rows[0].asOf).toISOString() : null;
}
