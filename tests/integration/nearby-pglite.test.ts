import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { applyMigrations, diffMigrationsToSchema, isEmptyDiff } from "@/lib/db/schema-engine";
import { findNearby, nearbyQuery, type NearbyResult } from "@/lib/discovery";
import { onPostgresServer } from "../support/env";
import { testDb } from "../support/factories";
import { C, SCENARIO_IMPORTED_AT, seedNearbyScenario } from "../support/nearby-scenario";

// The geo extensions must load wherever a database is made. PGlite bundles cube and
// earthdistance, so the same migrations, indexes and nearby query run there: this file builds
// an embedded PGlite, seeds the same map as on the PostgreSQL server, and compares answers.

describe("the drift check", () => {
  it(
    "replays the geo migration (extensions, expression indexes) into PGlite and finds no drift",
    { timeout: 120_000 },
    async () => {
      const sql = await diffMigrationsToSchema({
        migrationsDir: "prisma/migrations",
        schemaPath: "prisma/schema.prisma",
      });
      expect(isEmptyDiff(sql)).toBe(true);
    },
  );
});

describe.runIf(onPostgresServer)("findNearby: PGlite answers as PostgreSQL does", () => {
  let server: EmbeddedServer;
  let dataDir: string;
  let pglite: Db;
  // a different import time on PGlite proves each answer came from its own database
  const pgliteImportedAt = new Date("2031-05-06T07:08:09.000Z");
  const g = globalThis as unknown as { nervaDb?: Db };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "nerava-nearby-pglite-"));
    server = await startEmbeddedPostgres({ dataDir, port: 0 });
    await applyMigrations({ databaseUrl: server.url, migrationsDir: path.resolve("prisma/migrations") });
    pglite = createDb(server.url, 2);
    await seedNearbyScenario(pglite, pgliteImportedAt);
    await seedNearbyScenario(testDb);
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([pglite?.$disconnect(), testDb.$disconnect()]);
    // the nearby pool keeps idle sessions on PGlite: closed first, or stopping the server
    // drops them and the pool (no error listener) throws "Connection terminated unexpectedly"
    const knnPools = (globalThis as unknown as { nervaKnnPools?: Map<string, { end(): Promise<void> }> }).nervaKnnPools;
    await knnPools?.get(server?.url)?.end();
    knnPools?.delete(server?.url);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // the app's client and DATABASE_URL (the nearby pool and the perk cache follow it) point at one database
  async function on(client: Db, raw: Record<string, string | number>): Promise<NearbyResult> {
    const [previous, previousUrl] = [g.nervaDb, process.env.DATABASE_URL];
    g.nervaDb = client;
    process.env.DATABASE_URL = client === pglite ? server.url : previousUrl;
    try {
      return await findNearby(nearbyQuery.parse(raw));
    } finally {
      g.nervaDb = previous;
      process.env.DATABASE_URL = previousUrl;
    }
  }
  // float formatting may differ in the last bits between the two builds: compare to the millimetre
  const rounded = (r: NearbyResult) =>
    JSON.parse(JSON.stringify(r, (k, v) => (k === "distanceMeters" ? Math.round(v * 1000) / 1000 : v)));

  const queries: [string, Record<string, string | number>][] = [
    ["radius", { lat: C.lat, lng: C.lng, radius: 2000 }],
    ["radius, limit 3", { lat: C.lat, lng: C.lng, radius: 2000, limit: 3 }],
    ["box", { bbox: `${C.lat - 0.01},${C.lng - 0.013},${C.lat + 0.01},${C.lng + 0.013}` }],
    ["US box", { bbox: "24.4,-125,49.5,-66.9", network: "usnet" }],
    ["edge box", { bbox: "34.99,-106.01,35.01,-105.99" }],
    ["partners only + CCS", { lat: C.lat, lng: C.lng, radius: 2000, partnersOnly: "1", connector: "CCS" }],
    ["available now + 60 kW", { lat: C.lat, lng: C.lng, radius: 5000, availableNow: "1", minKw: 60 }],
  ];
  it.each(queries)("%s", async (_name, raw) => {
    const [onPg, onLite] = [await on(testDb, raw), await on(pglite, raw)];
    expect(onPg.chargers.length).toBeGreaterThan(0);
    expect([onPg.asOf, onLite.asOf]).toEqual([SCENARIO_IMPORTED_AT.toISOString(), pgliteImportedAt.toISOString()]);
    expect(rounded({ ...onLite, asOf: null })).toEqual(rounded({ ...onPg, asOf: null }));
  });
});
