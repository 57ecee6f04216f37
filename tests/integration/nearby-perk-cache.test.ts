import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findNearby, nearbyQuery, type NearbyPerk } from "@/lib/discovery";
import { areaOf } from "@/lib/discovery/nearby/area";
import { readNearest } from "@/lib/discovery/nearby/chargers";
import { readPerks } from "@/lib/discovery/nearby/perks";
import { testDb } from "../support/factories";

// The per-charger perk cache (on, as in production) must never show what an edit changed, on any
// instance: edits move the database's discovery version, which keys the cache; and an entry ends
// when the first offer it shows ends. A place of its own (South Dakota), so other files' scenarios
// are untouched.
const HERE = { lat: 44.05, lng: -103.23 };
const CHARGER = "pc_charger";
const MERCHANT = "pc_merchant";
const OFFER = "pc_offer";
const SHORT = { merchant: "pc_short_merchant", offer: "pc_short_offer" };
const SOON = { merchant: "pc_soon_merchant", offer: "pc_soon_offer", second: "pc_soon_second" };

const merchant = (id: string, name: string, latitude: number) => ({
  id,
  slug: id.replaceAll("_", "-"),
  name,
  category: "coffee",
  address: "2 Cache Rd",
  qrToken: `${id}-qr`,
  status: "ACTIVE" as const,
  latitude,
  longitude: HERE.lng,
});

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
      ...merchant(MERCHANT, "Cache Cafe", HERE.lat + 0.001),
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
const titles = (perks: NearbyPerk[]) => perks.map((p) => `${p.name}: ${p.offers.map((o) => o.title).join(", ")}`);
const version = async () =>
  (
    await testDb.$queryRaw<
      { v: string }[]
    >`SELECT "last_value"::text || ':' || "is_called"::text AS "v" FROM "discovery_version"`
  )[0].v;
/** An offer's title changed behind the triggers' back (no version move): what a cached entry would not see. */
const retitleUnseen = (id: string, title: string) =>
  testDb.$transaction([
    testDb.$executeRaw`SET LOCAL session_replication_role = replica`,
    testDb.$executeRaw`UPDATE "Offer" SET "title" = ${title} WHERE "id" = ${id}`,
  ]);

describe("nearby perk cache", () => {
  it("answers from the cache until an edit, then shows the edit on the very next read", async () => {
    expect(titles(await perksHere())).toEqual(["Cache Cafe: Drip coffee"]);
    // a change no trigger marks is not seen: the answer came from the cache
    await retitleUnseen(OFFER, "Unseen");
    expect(titles(await perksHere())).toEqual(["Cache Cafe: Drip coffee"]);
    // an edit through the app moves the version: the next read is fresh
    await testDb.offer.update({ where: { id: OFFER }, data: { title: "Pour-over" } });
    expect(titles(await perksHere())).toEqual(["Cache Cafe: Pour-over"]);
    await testDb.merchant.update({ where: { id: MERCHANT }, data: { status: "SUSPENDED" } });
    expect(await perksHere()).toEqual([]);
    await testDb.merchant.update({ where: { id: MERCHANT }, data: { status: "ACTIVE" } });
    expect(titles(await perksHere())).toEqual(["Cache Cafe: Pour-over"]);
    // campaign-only offers are never on the map: marking one hides the merchant at once
    await testDb.offer.update({ where: { id: OFFER }, data: { unlockOnly: true } });
    expect(await perksHere()).toEqual([]);
    await testDb.offer.update({ where: { id: OFFER }, data: { unlockOnly: false } });
    expect(titles(await perksHere())).toEqual(["Cache Cafe: Pour-over"]);
  });

  it("drops an entry when the first offer it shows ends, with no edit", async () => {
    const endsAt = new Date(Date.now() + 2_500);
    await testDb.merchant.create({
      data: {
        ...merchant(SHORT.merchant, "Short Stop", HERE.lat - 0.001),
        offers: {
          create: {
            id: SHORT.offer,
            title: "Happy hour",
            description: "Until it ends",
            novaPrice: 90,
            startsAt: new Date(Date.now() - 60_000),
            endsAt,
          },
        },
      },
    });
    expect(titles(await perksHere())).toEqual(["Cache Cafe: Pour-over", "Short Stop: Happy hour"]);
    await retitleUnseen(SHORT.offer, "Unseen");
    const v = await version();
    expect(titles(await perksHere())).toContain("Short Stop: Happy hour"); // cached
    await new Promise((r) => setTimeout(r, Math.max(0, endsAt.getTime() - Date.now()) + 50));
    expect(titles(await perksHere())).toEqual(["Cache Cafe: Pour-over"]);
    expect(await version()).toBe(v); // nothing but the end time moved
  });

  it("moves the version for what the map shows, and not for other edits", async () => {
    const v0 = await version();
    await testDb.merchant.update({ where: { id: MERCHANT }, data: { statusReason: "note only" } });
    await testDb.offer.update({ where: { id: OFFER }, data: { description: "not on the map" } });
    expect(await version()).toBe(v0);
    await testDb.offer.update({ where: { id: OFFER }, data: { novaPrice: 130 } });
    const v1 = await version();
    expect(v1).not.toBe(v0);
    await testDb.merchant.update({ where: { id: MERCHANT }, data: { latitude: HERE.lat + 0.0011 } });
    expect(await version()).not.toBe(v1);
  });

  it("answers with the same perks from the cache as from a fresh read", async () => {
    const area = areaOf(query);
    const { chargers, version: v } = await readNearest(area, query, query.limit);
    const first = await readPerks(chargers, v);
    const cached = await readPerks(chargers, v);
    expect(cached.get(CHARGER)).toBe(first.get(CHARGER)); // the same entry, not read again
    await testDb.$executeRaw`SELECT nextval('"discovery_version"')`;
    const fresh = await readNearest(area, query, query.limit);
    expect(fresh.version).not.toBe(v);
    const reread = await readPerks(fresh.chargers, fresh.version);
    expect(reread.get(CHARGER)).not.toBe(first.get(CHARGER));
    expect(reread.get(CHARGER)).toEqual(first.get(CHARGER));
    expect(reread.get(CHARGER)?.map((p) => p.merchantId)).toEqual([MERCHANT]);
  });

  it("shows an offer that starts later once it starts, with no edit", async () => {
    const startsAt = new Date(Date.now() + 2_500);
    const soon = { title: "Opening special", description: "From the start", novaPrice: 70, startsAt };
    // a merchant whose only offer is still to come, and a second offer of one already shown
    await testDb.merchant.create({
      data: {
        ...merchant(SOON.merchant, "Soon Shop", HERE.lat + 0.0005),
        offers: { create: { id: SOON.offer, ...soon } },
      },
    });
    await testDb.offer.create({ data: { id: SOON.second, merchantId: MERCHANT, ...soon, title: "Early bird" } });
    const before = titles(await perksHere());
    expect(before).toEqual(["Cache Cafe: Pour-over"]);
    await retitleUnseen(OFFER, "Unseen");
    const v = await version();
    expect(titles(await perksHere())).toEqual(before); // cached (the bound is minutes)
    await new Promise((r) => setTimeout(r, Math.max(0, startsAt.getTime() - Date.now()) + 50));
    expect(titles(await perksHere())).toEqual(["Soon Shop: Opening special", "Cache Cafe: Early bird, Unseen"]);
    expect(await version()).toBe(v); // nothing but the start time moved
    await testDb.offer.update({ where: { id: OFFER }, data: { title: "Pour-over" } });
  });

  it("keys what was read during an uncommitted edit by a version no later read asks for", async () => {
    const area = areaOf(query);
    await testDb.$transaction(async (tx) => {
      await tx.offer.update({ where: { id: OFFER }, data: { title: "Cortado" } });
      // another session, mid-edit: the statement-time bump is read, the edit is not yet visible
      const mid = await readNearest(area, query, query.limit);
      const perks = await readPerks(mid.chargers, mid.version);
      expect(
        perks
          .get(CHARGER)
          ?.find((p) => p.merchantId === MERCHANT)
          ?.offers.map((o) => o.title),
      ).toContain("Pour-over");
    });
    expect(titles(await perksHere())).toContain("Cache Cafe: Early bird, Cortado");
  });
});
