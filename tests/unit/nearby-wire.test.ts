import { describe, expect, it } from "vitest";
import type { NearbyCharger, NearbyPerk } from "@/lib/discovery/nearby-contract";
import { packNearby } from "@/lib/discovery/nearby-wire";
import { unpackNearby } from "@/components/discovery/unpack-nearby";

const perk = (merchantId: string, distanceMeters: number, latitude = 30.30291234567): NearbyPerk => ({
  merchantId,
  name: `Shop ${merchantId}`,
  category: "Coffee",
  latitude,
  longitude: -97.70621234567,
  distanceMeters,
  walkMinutes: Math.ceil((distanceMeters * 1.3) / 80),
  offers: [{ id: `o_${merchantId}`, title: "Free drip coffee", novaPrice: 120 }],
});
const charger = (id: string, perks: NearbyPerk[]): NearbyCharger => ({
  id,
  name: `Charger ${id}`,
  network: "EVgo",
  address: "1 Main St",
  latitude: 30.30000049,
  longitude: -97.7,
  powerKw: 150,
  connectors: ["CCS"],
  status: "E",
  accessHours: null,
  isPartner: false,
  distanceMeters: 1234.5678,
  perks,
});

describe("packNearby / unpackNearby", () => {
  // two chargers sharing a shop: the shop's name and offers travel once
  const shared = perk("m1", 120.4);
  const result = {
    chargers: [charger("a", [shared, perk("m2", 300.6)]), charger("b", [{ ...shared, distanceMeters: 410.2 }])],
    truncated: false,
    asOf: null,
  };

  it("sends each merchant's name, category and offers once", () => {
    const wire = packNearby(result);
    expect(Object.keys(wire.merchants).sort()).toEqual(["m1", "m2"]);
    expect(wire.merchants.m1).toEqual({ name: "Shop m1", category: "Coffee", offers: shared.offers });
    expect(JSON.stringify(wire).split("Free drip coffee")).toHaveLength(3); // two shops, once each
  });

  it("rounds distances to the metre and coordinates to 6 decimals", () => {
    const wire = packNearby(result);
    expect(wire.chargers[0]).toMatchObject({ distanceMeters: 1235, latitude: 30.3 });
    expect(wire.chargers[1].perks[0]).toMatchObject({ distanceMeters: 410, latitude: 30.302912 });
  });

  it("unpacks to the same perks in the same order, with each charger's own distance", () => {
    const back = unpackNearby(packNearby(result));
    expect(back.chargers.map((c) => c.perks.map((p) => [p.merchantId, p.name, p.distanceMeters, p.offers]))).toEqual([
      [
        ["m1", "Shop m1", 120, shared.offers],
        ["m2", "Shop m2", 301, [{ id: "o_m2", title: "Free drip coffee", novaPrice: 120 }]],
      ],
      [["m1", "Shop m1", 410, shared.offers]],
    ]);
  });

  it("drops a reference to a merchant the answer does not carry (or an inherited name)", () => {
    const wire = packNearby(result);
    wire.chargers[0].perks.push({ ...wire.chargers[0].perks[0], merchantId: "toString" });
    delete wire.merchants.m2;
    expect(unpackNearby(wire).chargers[0].perks.map((p) => p.merchantId)).toEqual(["m1"]);
  });
});
