import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { EMBEDDED_URL } from "./embedded-url";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || EMBEDDED_URL;
}

export type Db = ReturnType<typeof createDb>;

// Kept on globalThis, like the client itself: the production bundle may hold this module more than
// once (page and route chunks), and each copy must find the pool of the one client db() returns.
const globalPools = globalThis as unknown as { nervaPools?: WeakMap<object, pg.Pool> };
const pools = (globalPools.nervaPools ??= new WeakMap<object, pg.Pool>());

// Prisma keeps DateTime as `timestamp` (no zone) in UTC; `pg` would read one in the process's zone.
// Only the raw statements (lib/db/raw.ts) use these: Prisma's adapter sets its own parsers per query.
const TIMESTAMP_OID = 1114;
const utcTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? (v: string) => new Date(`${v.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A client on its own pool; secrets are omitted from results unless asked for. The pool is ours,
 * handed to Prisma's adapter (which ends it on `$disconnect`), so the few statements on every
 * request's path can use it directly (lib/db/raw.ts) on the same connections.
 */
export function createDb(url = databaseUrl(), poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10)) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000, types: utcTypes });
  // an idle connection the server drops must not take the process down before Prisma listens too
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true },
      vehicleConnection: { accessTokenEnc: true, refreshTokenEnc: true },
      squareConnection: { accessTokenEnc: true, refreshTokenEnc: true },
      walletPass: { authTokenHash: true },
    },
  });
  pools.set(client, pool);
  return client;
}

/** The pool behind a client made by createDb. */
export function poolOf(client: object): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("poolOf: not a client made by createDb");
  return pool;
}

const globalForDb = globalThis as unknown as { nervaDb?: Db };

/** The process's one client (survives dev hot reloads). */
export function db(): Db {
  globalForDb.nervaDb ??= createDb();
  return globalForDb.nervaDb;
}

/** The client inside an interactive transaction (what `$transaction(async (tx) => …)` passes). */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
