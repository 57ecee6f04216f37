import pg from "pg";
import type { Prisma } from "@/lib/db";
import { databaseUrl } from "@/lib/db/client";
import { logger } from "@/lib/observability";

// The nearby query's two statements (chargers, then the perks the cache lacks) run on a small
// pool of plain `pg` sessions, not through Prisma: each is one round trip with nothing between
// the driver and the route. The sessions are set up for exactly these statements:
// - bitmap and sequential scans off: the planner cannot estimate how many rows a cube test
//   keeps (it guesses 0.1%), so it would read every charger in the area (or the table) and sort
//   them, where the GiST index returns them nearest first and stops at the limit. Set per
//   connection, a statement needs no transaction around a SET LOCAL (which took four round trips).
// - JIT off: the perks statement's estimated cost (a lateral offers read per merchant) can
//   cross jit_above_cost, and compiling it takes longer than the few milliseconds it runs.

const globalForNearby = globalThis as unknown as { nervaKnnPools?: Map<string, pg.Pool> };

export function nearbyPool(): pg.Pool {
  const url = databaseUrl();
  const pools = (globalForNearby.nervaKnnPools ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: 4,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
      options: "-c enable_bitmapscan=off -c enable_seqscan=off -c jit=off",
    });
    // an idle session dropped by the server (a restart, a failover) is an 'error' event: unhandled, it
    // would take the whole process down; the pool replaces the session on the next query
    pool.on("error", (err: Error) => logger.warn({ err: err.message }, "nearby pool: idle session lost"));
    pools.set(url, pool);
  }
  return pool;
}

/** Runs one statement built with Prisma.sql on the nearby pool. */
export async function queryNearby<T extends object>(sql: Prisma.Sql): Promise<T[]> {
  const { rows } = await nearbyPool().query<T>(sql.text, sql.values as unknown[]);
  return rows;
}
