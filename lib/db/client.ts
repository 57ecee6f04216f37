import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { EMBEDDED_URL } from "./embedded-url";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || EMBEDDED_URL;
}

export type Db = ReturnType<typeof createDb>;

/** A client on its own pool; secrets are omitted from results unless asked for. */
export function createDb(url = databaseUrl(), poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10)) {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  return new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true },
      vehicleConnection: { accessTokenEnc: true, refreshTokenEnc: true },
      squareConnection: { accessTokenEnc: true, refreshTokenEnc: true },
      walletPass: { authTokenHash: true },
    },
  });
}

const globalForDb = globalThis as unknown as { nervaDb?: Db };

/** The process's one client (survives dev hot reloads). */
export function db(): Db {
  globalForDb.nervaDb ??= createDb();
  return globalForDb.nervaDb;
}

/** The client inside an interactive transaction (what `$transaction(async (tx) => …)` passes). */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
