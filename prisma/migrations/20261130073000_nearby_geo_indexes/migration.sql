-- Geo search for the discovery map: cube + earthdistance (PostgreSQL contrib, also bundled
-- by PGlite, unlike PostGIS) and GiST indexes on ll_to_earth(latitude, longitude), which
-- answer earth_box(centre, radius) @> ll_to_earth(lat, lng) without a table scan.
-- Prisma cannot declare expression indexes, and its schema engine leaves them out of
-- its diff, so `npm run db:diff -- --check` stays clean (tests/integration/nearby-pglite.test.ts checks).
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

CREATE INDEX "Charger_earth_idx" ON "Charger" USING gist (ll_to_earth("latitude", "longitude"));
CREATE INDEX "Merchant_earth_idx" ON "Merchant" USING gist (ll_to_earth("latitude", "longitude"));
-- Square locations may lack coordinates: index only the pinned ones.
CREATE INDEX "MerchantLocation_earth_idx" ON "MerchantLocation" USING gist (ll_to_earth("latitude", "longitude"))
  WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL;
