import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findNearby, nearbyQuery } from "@/lib/discovery";
import { areaOf } from "@/lib/discovery/nearby/area";
import { readChargers } from "@/lib/discovery/nearby/chargers";
import { pinsSql } from "@/lib/discovery/nearby/perks";
import { readDiscoveryVersion, readPlacePinsCached, type PlacePin } from "@/lib/discovery/nearby/pin-cells";
import { testDb } from "../support/factories";

// The per-cell pin cache (on, as in production) must never show what an edit changed, on any
// instance: edits move the database's discovery version, which keys the cache. A place of its
// own (South Dakota), so other files' scenarios are untouched.
const HERE = { lat: 44.05, lng: -103.23 };
const CHARGER = "pc_charger";
const MERCHANT = "pc_merchant";
const OFFER = "pc_offer";

beforeAll(async () => {
  await testDb.charger.create({
    data: {
      id: CHARGER,
      externalId: "ext-pc",
      name: "Cache Test Charger",
      network: "CacheNet",
      address: "1 Cache Rd",
      latitude: HERE.lat,
      longitude: HERE.lng,
      connectors: ["CCS"],
      powerKw: 150,
    },
  });
  await testDb.merchant.create({
    data: {
      id: MERCHANT,
      slug: "pc-merchant",
      name: "Cache Cafe",
      category: "coffee",
      address: "2 Cache Rd",
      qrToken: "pc-merchant-qr",
      status: "ACTIVE",
      latitude: HERE.lat + 0.001,
      longitude: HERE.lng,
      offers: {
        create: {
          id: OFFER,
          title: "Drip coffee",
          description: "Any size",
          novaPrice: 120,
          startsAt: new Date(Date.now() - 3600_000),
        },
      },
    },
  });
});
afterAll(() => testDb.$disconnect());

const query = nearbyQuery.parse({ lat: HERE.lat, lng: HERE.lng, radius: 1000 });
const perksHere = async () => (await findNearby(query)).chargers.find((c) => c.id === CHARGER)?.perks ?? [];
const key = (p: PlacePin) => `${p.merchantId}@${p.latitude.toFixed(6)},${p.longitude.toFixed(6)}`;

describe("nearby pin cache", () => {
  it("shows an edit on the very next read, and stops showing a suspended merchant at once", async () => {
    expect((await perksHere()).map((p) => p.offers[0]?.title)).toEqual(["Drip coffee"]);
    await testDb.offer.update({ where: { id: OFFER }, data: { title: "Pour-over" } });
    expect((await perksHere()).map((p) => p.offers[0]?.title)).toEqual(["Pour-over"]);
    await testDb.merchant.update({ where: { id: MERCHANT }, data: { status: "SUSPENDED" } });
    expect(await perksHere()).toEqual([]);
    await testDb.merchant.update({ where: { id: MERCHANT }, data: { status: "ACTIVE" } });
    expect((await perksHere()).map((p) => p.name)).toEqual(["Cache Cafe"]);
  });

  it("moves the version for what the map shows, and not for other edits", async () => {
    const v0 = await readDiscoveryVersion();
    await testDb.merchant.update({ where: { id: MERCHANT }, data: { statusReason: "note only" } });
    expect(await readDiscoveryVersion()).toBe(v0);
    await testDb.offer.update({ where: { id: OFFER }, data: { novaPrice: 130 } });
    const v1 = await readDiscoveryVersion();
    expect(v1).not.toBe(v0);
    await testDb.merchant.update({ where: { id: MERCHANT }, data: { latitude: HERE.lat + 0.0011 } });
    expect(await readDiscoveryVersion()).not.toBe(v1);
  });

  it("answers with the same pins as the uncached query", async () => {
    const area = areaOf(query);
    const chargers = await readChargers(area, query, query.limit);
    const cached = await readPlacePinsCached(chargers, await readDiscoveryVersion());
    const direct = await testDb.$queryRaw<PlacePin[]>(pinsSql(area, chargers));
    expect(cached).not.toBeNull();
    // the cache holds whole cells, a superset of the direct read's walking circles
    const cachedKeys = new Set(cached!.map(key));
    for (const p of direct) expect(cachedKeys.has(key(p))).toBe(true);
    expect(direct.map(key)).toContain(`${MERCHANT}@${(HERE.lat + 0.0011).toFixed(6)},${HERE.lng.toFixed(6)}`);
  });
});
