// The bench:nearby data set, written with generate_series (seconds, not minutes): 50,000
// chargers and 100,000 merchants, a dense cluster around Austin (normal, σ ≈ 9 km) and the
// rest spread over the continental US. Deterministic (setseed). Mix: 90% of chargers open
// and public, 5% partner chargers; merchants 80% ACTIVE, half with a live offer, some with
// ended or paused ones; 20% pinned by a Square location (some by two), 1% attached to a charger.
import type pg from "pg";

export const AUSTIN = { lat: 30.2672, lng: -97.7431 };
export const CHARGERS = 50_000;
export const MERCHANTS = 100_000;
/** Share of each table in the Austin cluster. */
export const CITY_SHARE = 0.2;
const SIGMA_DEG = 0.08;

/** lat/lng for row i: the first CITY_SHARE around Austin (Box–Muller), the rest uniform over the lower 48. */
const place = (share: number, n: number) => `
  CASE WHEN i <= ${Math.round(share * n)}
    THEN ${AUSTIN.lat} + ${SIGMA_DEG} * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())
    ELSE 25 + random() * 24 END AS lat,
  CASE WHEN i <= ${Math.round(share * n)}
    THEN ${AUSTIN.lng} + ${SIGMA_DEG} * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random())
    ELSE -124 + random() * 57 END AS lng`;

export async function seedBench(client: pg.Client): Promise<void> {
  await client.query("SELECT setseed(0.42)");
  await client.query(`
    INSERT INTO "Charger" ("id", "externalId", "name", "network", "address", "latitude", "longitude", "connectors",
      "powerKw", "isPartner", "status", "accessCode", "source", "importedAt")
    SELECT 'bc' || i, 'bench-' || i, 'Bench charger ' || i,
      (ARRAY['Tesla', 'ChargePoint Network', 'Electrify America', 'EVgo', 'Blink Network', 'Non-Networked'])[1 + (i % 6)],
      i || ' Bench Road', lat, lng,
      CASE i % 5 WHEN 0 THEN ARRAY['J1772'] WHEN 1 THEN ARRAY['CCS', 'CHAdeMO'] WHEN 2 THEN ARRAY['NACS']
        WHEN 3 THEN ARRAY['CCS'] ELSE ARRAY['J1772', 'NACS'] END,
      (ARRAY[7.2, 11, 50, 150, 250, 350])[1 + (i % 6)], random() < 0.05,
      CASE WHEN random() < 0.9 THEN 'E' WHEN random() < 0.5 THEN 'P' ELSE 'T' END,
      CASE WHEN random() < 0.9 THEN 'public' ELSE 'private' END, 'nrel', now() AT TIME ZONE 'UTC'
    FROM (SELECT i, ${place(CITY_SHARE, CHARGERS)} FROM generate_series(1, ${CHARGERS}) AS i) g`);
  await client.query(`
    INSERT INTO "Merchant" ("id", "slug", "name", "category", "address", "latitude", "longitude", "qrToken",
      "status", "chargerId", "updatedAt")
    SELECT 'bm' || i, 'bench-' || i, 'Bench shop ' || i,
      (ARRAY['Coffee', 'Food', 'Grocery', 'Retail', 'Fitness'])[1 + (i % 5)], i || ' Bench Street', lat, lng,
      'bench-qr-' || i,
      (CASE WHEN random() < 0.8 THEN 'ACTIVE' WHEN random() < 0.5 THEN 'PENDING' ELSE 'SUSPENDED' END)::"MerchantStatus",
      CASE WHEN i % 100 = 0 THEN 'bc' || (1 + (i / 100) % ${Math.round(CITY_SHARE * CHARGERS)}) END, now()
    FROM (SELECT i, ${place(CITY_SHARE, MERCHANTS)} FROM generate_series(1, ${MERCHANTS}) AS i) g`);
  // offers: half the merchants have a live one; a tenth an ended one; a tenth a paused one
  await client.query(`
    INSERT INTO "Offer" ("id", "merchantId", "title", "description", "novaPrice", "startsAt", "endsAt", "active", "updatedAt")
    SELECT 'bo' || i || '_' || k, 'bm' || i, 'Offer ' || k, 'Bench offer', 50 + (i % 10) * 25,
      now() AT TIME ZONE 'UTC' - interval '1 day',
      CASE WHEN k = 2 THEN now() AT TIME ZONE 'UTC' - interval '1 hour' END, k <> 3, now()
    FROM generate_series(1, ${MERCHANTS}) AS i CROSS JOIN generate_series(1, 3) AS k
    WHERE (k = 1 AND i % 2 = 0) OR (k = 2 AND i % 10 = 1) OR (k = 3 AND i % 10 = 3)`);
  // Square locations within ~100 m of the merchant's address: 20% one, 5% a second
  await client.query(`
    INSERT INTO "MerchantLocation" ("id", "merchantId", "squareLocationId", "name", "latitude", "longitude", "updatedAt")
    SELECT 'bl' || i || '_' || k, 'bm' || i, 'bench-sq-' || i || '-' || k, 'Location ' || k,
      m."latitude" + (random() - 0.5) * 0.002, m."longitude" + (random() - 0.5) * 0.002, now()
    FROM generate_series(1, ${MERCHANTS}) AS i CROSS JOIN generate_series(1, 2) AS k
    JOIN "Merchant" m ON m."id" = 'bm' || i
    WHERE (k = 1 AND i % 5 = 0) OR (k = 2 AND i % 20 = 0)`);
  await client.query("ANALYZE");
}
