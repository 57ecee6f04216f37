import { describe, expect, it } from "vitest";
import type { NearbyCharger } from "@/lib/discovery/nearby-contract";
import { nearbyQuery } from "@/lib/discovery/nearby-contract";
import {
  AUSTIN,
  countActiveFilters,
  discoveryKeys,
  mergeNetworks,
  nearbyParams,
  NO_FILTERS,
  powerText,
  roundBbox,
  searchPlaces,
  statusText,
  walkText,
} from "@/components/discovery/map-query";

const charger = (over: Partial<NearbyCharger>): NearbyCharger => ({
  id: "c1",
  name: "Mueller Town Center",
  network: "Electrify America",
  address: "1801 E 51st St, Austin, TX 78723",
  latitude: 30.3029,
  longitude: -97.7062,
  powerKw: 350,
  connectors: ["CCS"],
  status: "E",
  accessHours: null,
  isPartner: true,
  distanceMeters: 0,
  perks: [],
  ...over,
});

describe("roundBbox", () => {
  it("rounds a city-sized box outward to 0.01°, so it still covers what is on screen", () => {
    const box = { south: 30.2237, west: -97.8312, north: 30.4151, east: -97.6949 };
    expect(roundBbox(box)).toEqual({ south: 30.22, west: -97.84, north: 30.42, east: -97.69 });
  });

  it("gives the same box for a small pan, and a different one for a pan of a cell", () => {
    const a = { south: 30.2237, west: -97.8312, north: 30.4151, east: -97.6949 };
    const nudged = { south: 30.2241, west: -97.8309, north: 30.4155, east: -97.6946 };
    const moved = { south: 30.2437, west: -97.8312, north: 30.4351, east: -97.6949 };
    expect(roundBbox(nudged)).toEqual(roundBbox(a));
    expect(roundBbox(moved)).not.toEqual(roundBbox(a));
  });

  it("uses a coarser grid for a wider view and clamps to the globe", () => {
    expect(roundBbox({ south: 25.31, west: -106.7, north: 36.52, east: -93.4 })).toEqual({
      south: 25,
      west: -107,
      north: 37,
      east: -93,
    });
    expect(roundBbox({ south: -95, west: -200, north: 95, east: 200 })).toEqual({
      south: -90,
      west: -180,
      north: 90,
      east: 180,
    });
  });

  it("leaves an already rounded box alone (no float creep)", () => {
    expect(roundBbox(AUSTIN)).toEqual(AUSTIN);
    expect(roundBbox(roundBbox({ south: 30.1, west: -97.3, north: 30.3, east: -97.1 }))).toEqual(
      roundBbox({ south: 30.1, west: -97.3, north: 30.3, east: -97.1 }),
    );
  });
});

describe("nearbyParams", () => {
  it("sends only the box when no filter is set, in a form the route accepts", () => {
    const params = nearbyParams(AUSTIN, NO_FILTERS);
    expect(params.toString()).toBe("bbox=30.22%2C-97.83%2C30.42%2C-97.69");
    const parsed = nearbyQuery.parse(Object.fromEntries(params));
    expect(parsed).toMatchObject({ bbox: "30.22,-97.83,30.42,-97.69", partnersOnly: false, availableNow: false });
  });

  it("sends every filter the driver set, and the route reads them back", () => {
    const filters = { connector: "NACS", minKw: 150, network: "EVgo", partnersOnly: true, availableNow: true };
    const parsed = nearbyQuery.parse(Object.fromEntries(nearbyParams(AUSTIN, filters)));
    expect(parsed).toMatchObject({
      connector: "NACS",
      minKw: 150,
      network: "EVgo",
      partnersOnly: true,
      availableNow: true,
    });
    expect(countActiveFilters(filters)).toBe(5);
    expect(countActiveFilters(NO_FILTERS)).toBe(0);
  });

  it("keys the cache by rounded box and filters: a nudge reuses it, a filter does not", () => {
    const a = discoveryKeys.nearby(nearbyParams({ ...AUSTIN, north: 30.4151 }, NO_FILTERS));
    const b = discoveryKeys.nearby(nearbyParams({ ...AUSTIN, north: 30.4163 }, NO_FILTERS));
    const c = discoveryKeys.nearby(nearbyParams(AUSTIN, { ...NO_FILTERS, connector: "CCS" }));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });
});

describe("words on the map", () => {
  it("says the walk, the status and the power as drivers read them", () => {
    expect(walkText(3)).toBe("≈ 3 min walk");
    expect(walkText(0)).toBe("≈ 1 min walk");
    expect(statusText("E")).toBe("Open");
    expect(statusText("T")).toBe("Temporarily unavailable");
    expect(statusText("P")).toBe("Planned, not open yet");
    expect(powerText(62.5)).toBe("62.5 kW");
    expect(powerText(7.199999)).toBe("7.2 kW");
    expect(powerText(null)).toBeNull();
  });

  it("collects networks across answers, sorted, keeping the same array when nothing is new", () => {
    const first = mergeNetworks(
      [],
      [charger({ network: "EVgo" }), charger({ network: "Blink" }), charger({ network: null })],
    );
    expect(first).toEqual(["Blink", "EVgo"]);
    expect(mergeNetworks(first, [charger({ network: "EVgo" })])).toBe(first);
    expect(mergeNetworks(first, [charger({ network: "ChargePoint" })])).toEqual(["Blink", "ChargePoint", "EVgo"]);
  });
});

describe("searchPlaces", () => {
  const library = charger({ id: "c2", name: "Central Library Garage", address: "710 W César Chávez St, Austin" });
  const mueller = charger({
    perks: [
      {
        merchantId: "m1",
        name: "Aldrich Street Tacos",
        category: "Restaurant",
        latitude: 30.3,
        longitude: -97.7,
        distanceMeters: 350,
        walkMinutes: 6,
        offers: [],
      },
    ],
  });

  it("finds a charger by name or street, ignoring case and accents", () => {
    expect(searchPlaces([mueller, library], "cesar chavez").map((m) => m.charger.id)).toEqual(["c2"]);
    expect(searchPlaces([mueller, library], "MUELLER").map((m) => m.label)).toEqual(["Mueller Town Center"]);
  });

  it("finds the charger beside a shop, named after the shop", () => {
    const [hit] = searchPlaces([mueller, library], "tacos");
    expect(hit.charger.id).toBe("c1");
    expect(hit.label).toBe("Aldrich Street Tacos");
    expect(hit.detail).toBe("Restaurant · by Mueller Town Center");
  });

  it("finds nothing for blank or unmatched words", () => {
    expect(searchPlaces([mueller, library], "   ")).toEqual([]);
    expect(searchPlaces([mueller, library], "mueller library")).toEqual([]);
  });
});
