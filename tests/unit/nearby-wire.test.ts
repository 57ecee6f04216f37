import { describe, expect, it } from "vitest";
import type { NearbyCharger, NearbyPerk, NearbyResult } from "@/lib/discovery/nearby-contract";
import { packNearby, type WirePerk } from "@/lib/discovery/nearby-wire";
import { unpackNearby } from "@/components/discovery/unpack-nearby";

const perk = (merchantId: string, distanceMeters: number, latitude = 30.30291234567): NearbyPerk => ({
  merchantId,
  name: `Shop ${merchantId}`,
  category: "Coffee",
  latitude,
  longitude: -97.70621234567,
  distanceMeters,
  walkMinutes: Math.ceil((distanceMeters * 1.3) / 80),
  offers: [
    { id: `o_${merchantId}`, title: "Free drip coffee", novaPrice: 120 },
    { id: `o2_${merchantId}`, title: "Pastry", novaPrice: 200 },
  ],
});
const charger = (id: string, perks: NearbyPerk[], extra: Partial<NearbyCharger> = {}): NearbyCharger => ({
  id,
  name: `Charger ${id}`,
  network: "EVgo",
  address: "1 Main St",
  latitude: 30.30000049,
  longitude: -97.7,
  powerKw: 150,
  connectors: ["CCS", "CHAdeMO"],
  status: "E",
  accessHours: null,
  isPartner: false,
  distanceMeters: 1234.5678,
  perks,
  ...extra,
});

// two chargers sharing a shop: the shop's name and offers travel once
const shared = perk("m1", 120.4);
const result: NearbyResult = {
  chargers: [
    charger("a", [shared, perk("m2", 300.6)]),
    charger("b", [{ ...shared, distanceMeters: 410.2 }], {
      network: null,
      powerKw: null,
      accessHours: "24 hours daily",
      isPartner: true,
      status: "T",
    }),
    charger("c", []),
  ],
  truncated: true,
  asOf: "2026-11-30T07:00:00.000Z",
};

/** The answer as the wire carries it: coordinates to 6 decimals, distances to the metre. */
const rounded = (r: NearbyResult): NearbyResult => ({
  ...r,
  chargers: r.chargers.map((c) => ({
    ...c,
    latitude: Number(c.latitude.toFixed(6)),
    longitude: Number(c.longitude.toFixed(6)),
    distanceMeters: Math.round(c.distanceMeters),
    perks: c.perks.map((p) => ({
      ...p,
      latitude: Number(p.latitude.toFixed(6)),
      longitude: Number(p.longitude.toFixed(6)),
      distanceMeters: Math.round(p.distanceMeters),
    })),
  })),
});

describe("packNearby / unpackNearby", () => {
  it("round trip: pack → JSON → unpack is the contract answer (to 6 decimals and the metre)", () => {
    const back = unpackNearby(JSON.parse(JSON.stringify(packNearby(result))));
    expect(back).toEqual(rounded(result));
    // already rounded, an answer comes back exactly
    expect(unpackNearby(packNearby(rounded(result)))).toEqual(rounded(result));
  });

  it("sends tuples: each merchant's name, category and offers once, each pin once, no key per charger or perk", () => {
    const wire = packNearby(result);
    expect(wire.merchants).toEqual([
      [
        "m1",
        "Shop m1",
        "Coffee",
        [
          ["o_m1", "Free drip coffee", 120],
          ["o2_m1", "Pastry", 200],
        ],
      ],
      [
        "m2",
        "Shop m2",
        "Coffee",
        [
          ["o_m2", "Free drip coffee", 120],
          ["o2_m2", "Pastry", 200],
        ],
      ],
    ]);
    const json = JSON.stringify(wire);
    expect(json.split("Free drip coffee")).toHaveLength(3); // two shops, once each
    for (const key of ["latitude", "merchantId", "distanceMeters", "novaPrice", "perks"])
      expect(json).not.toContain(key);
    expect(wire.chargers[1]).toEqual([
      "b",
      "Charger b",
      null,
      "1 Main St",
      30.3,
      -97.7,
      null,
      ["CCS", "CHAdeMO"],
      "T",
      "24 hours daily",
      1,
      1235,
      [[0, 410, 2]],
    ]);
    expect(wire.pins).toEqual([
      [0, 30.302912, -97.706212],
      [1, 30.302912, -97.706212],
    ]);
    expect(wire.chargers[0][12]).toEqual([
      [0, 120, 2],
      [1, 301, 5],
    ]);
  });

  it("a merchant at two pins: one merchant entry, two pins", () => {
    const twoPlaces = { ...result, chargers: [charger("a", [shared]), charger("b", [perk("m1", 90, 30.31)])] };
    const wire = packNearby(twoPlaces);
    expect(wire.merchants).toHaveLength(1);
    expect(wire.pins).toEqual([
      [0, 30.302912, -97.706212],
      [0, 30.31, -97.706212],
    ]);
    expect(unpackNearby(wire)).toEqual(rounded(twoPlaces));
  });

  it("drops a perk pointing at no pin, or a pin at no merchant (out of range, negative, not a whole number)", () => {
    const wire = packNearby(result);
    wire.pins.push([7, 30.3, -97.7], [-1, 30.3, -97.7]);
    const bad = (at: number): WirePerk => [at, 10, 1];
    wire.chargers[0][12].push(bad(2), bad(3), bad(4), bad(-1), bad(0.5));
    expect(unpackNearby(wire).chargers[0].perks.map((p) => p.merchantId)).toEqual(["m1", "m2"]);
  });
});
