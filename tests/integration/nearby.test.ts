import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findNearby, nearbyQuery, type NearbyResult, type NearbyWire } from "@/lib/discovery";
import { unpackNearby } from "@/components/discovery/unpack-nearby";
import { AppError } from "@/lib/errors";
import { GET } from "@/app/api/discovery/nearby/route";
import { pinsSql, type PinReading, type PinRow } from "@/lib/discovery/nearby/perks";
import { pairWithin } from "@/lib/discovery/nearby/pair";
import { MAX_STRAIGHT_METERS } from "@/lib/discovery/nearby/rules";
import { call } from "../support/request";
import { testDb } from "../support/factories";
import {
  C,
  CHARGERS,
  ELSEWHERE,
  haversine,
  offset,
  SCENARIO_IMPORTED_AT as importedAt,
  seedNearbyScenario,
} from "../support/nearby-scenario";

beforeAll(() => seedNearbyScenario(testDb));
afterAll(() => testDb.$disconnect());

const near = (extra: Record<string, string | number> = {}) =>
  findNearby(nearbyQuery.parse({ lat: C.lat, lng: C.lng, radius: 2000, ...extra }));
const ids = (r: NearbyResult) => r.chargers.map((c) => c.id.replace("nb_", ""));
const at = (id: string) => [...CHARGERS, ...ELSEWHERE].find((c) => c.id === id)!.at;

describe("findNearby: distances", () => {
  it("agrees with the great-circle distance of known city pairs within 0.5%", async () => {
    const austin = { lat: 30.2672, lng: -97.7431 };
    const nyc = { lat: 40.7128, lng: -74.006 };
    // a box centred on the first city measures from it
    const fromAustin = await findNearby(
      nearbyQuery.parse({
        bbox: `${austin.lat - 3},${austin.lng - 2},${austin.lat + 3},${austin.lng + 2}`,
        network: "pairs",
      }),
    );
    const fromNyc = await findNearby(
      nearbyQuery.parse({
        bbox: `${nyc.lat - 6.7},${nyc.lng - 44.3},${nyc.lat + 6.7},${nyc.lng + 44.3}`,
        network: "pairs",
      }),
    );
    const dallas = fromAustin.chargers.find((c) => c.id === "pair_dallas")!;
    const la = fromNyc.chargers.find((c) => c.id === "pair_la")!;
    // mean-radius haversine: Austin–Dallas ≈ 292 km, New York–Los Angeles ≈ 3,936 km
    const expectedDallas = haversine(austin, at("pair_dallas"), 6_371_008.8);
    const expectedLa = haversine(nyc, at("pair_la"), 6_371_008.8);
    expect(expectedDallas / 1000).toBeCloseTo(292, -1);
    expect(Math.abs(dallas.distanceMeters / expectedDallas - 1)).toBeLessThan(0.005);
    expect(Math.abs(la.distanceMeters / expectedLa - 1)).toBeLessThan(0.005);
  });

  it("includes a charger 5 m inside the radius and leaves out one 5 m outside", async () => {
    const r = await near();
    expect(ids(r)).toContain("IN");
    expect(ids(r)).not.toContain("OUT");
    const inside = r.chargers.find((c) => c.id === "nb_IN")!;
    expect(inside.distanceMeters).toBeCloseTo(1995, 0);
    const wider = await near({ radius: 2010 });
    expect(ids(wider)).toContain("OUT");
  });

  it("answers a box: only what lies inside it, measured from its centre, 1 cm either side of an edge", async () => {
    const box = `${C.lat - 0.01},${C.lng - 0.013},${C.lat + 0.01},${C.lng + 0.013}`;
    const r = await findNearby(nearbyQuery.parse({ bbox: box }));
    expect(ids(r)).toEqual(["C", "D", "E", "A"]);
    expect(r.chargers.find((c) => c.id === "nb_A")!.distanceMeters).toBeCloseTo(100, 0);
    const edge = await findNearby(nearbyQuery.parse({ bbox: "34.99,-106.01,35.01,-105.99", network: "edge" }));
    expect(edge.chargers.map((c) => c.id)).toEqual(["edge_in"]);
  });

  it("answers a continental US box without the date line: Hawaii and Alaska stay out", async () => {
    const r = await findNearby(nearbyQuery.parse({ bbox: "24.4,-125,49.5,-66.9", network: "usnet" }));
    expect(r.chargers.map((c) => c.id).sort()).toEqual(["us_maine", "us_miami", "us_seattle"]);
    const centre = { lat: (24.4 + 49.5) / 2, lng: (-125 - 66.9) / 2 };
    for (const c of r.chargers)
      expect(Math.abs(c.distanceMeters / haversine(centre, at(c.id)) - 1)).toBeLessThan(0.005);
  });

  it("refuses a box across the date line or upside down with a sentence (422)", async () => {
    for (const bbox of ["20,170,30,-170", "30,-100,20,-90"]) {
      const err = await findNearby(nearbyQuery.parse({ bbox })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(422);
    }
  });
});

describe("findNearby: order, limit and perks", () => {
  it("orders 1 km bands with perks first, then partner chargers, then distance", async () => {
    const r = await near();
    expect(ids(r)).toEqual(["C", "D", "E", "A", "B", "F", "IN"]);
    expect(r.truncated).toBe(false);
    expect(r.asOf).toBe(importedAt.toISOString());
  });

  it("keeps the nearest `limit` chargers, orders them by the same rule, and says it was truncated", async () => {
    const three = await near({ limit: 3 });
    expect(ids(three)).toEqual(["C", "D", "A"]); // A, C, D are nearest; A has no perk: band 0 ranks it last
    expect(three.truncated).toBe(true);
    const five = await near({ limit: 5 });
    expect(ids(five)).toEqual(["C", "D", "E", "A", "B"]);
    expect(five.truncated).toBe(true);
    expect((await near({ limit: 7 })).truncated).toBe(false);
  });

  it("lists live offers of active merchants within an 800 m walk, with walk times", async () => {
    const r = await near();
    const perks = Object.fromEntries(r.chargers.map((c) => [c.id.replace("nb_", ""), c.perks]));
    expect(perks.A).toEqual([]); // suspended, ended-only and suspended-attached merchants
    expect(perks.D.map((p) => [p.merchantId, p.walkMinutes])).toEqual([["nbm_6", 10]]); // 600 m; 700 m is too far
    expect(perks.D[0].distanceMeters).toBeCloseTo(600, 0);
    // two Square locations: once, at the nearer (200 m), not the merchant's own address
    expect(perks.B.map((p) => [p.merchantId, p.walkMinutes])).toEqual([["nbm_2", 4]]);
    expect(perks.B[0].latitude).toBeCloseTo(offset(C, 90, 1400).lat, 6);
    expect(perks.F.map((p) => [p.merchantId, p.walkMinutes])).toEqual([["nbm_1", 7]]);
    expect(perks.F[0].offers.map((o) => [o.title, o.novaPrice])).toEqual([
      ["Cookie", 50],
      ["Coffee", 200],
    ]);
    // attached by Merchant.chargerId: listed wherever it is, with the real walk (3 km ≈ 49 min)
    expect(perks.C.map((p) => [p.merchantId, p.walkMinutes])).toEqual([["nbm_7", 49]]);
  });

  it("finds the same pins reading one circle or probing each charger (a zoomed-out map, a few uncached chargers)", async () => {
    const r = await findNearby(nearbyQuery.parse({ bbox: "24.4,-125,49.5,-66.9", network: "NDTest" }));
    expect(r.chargers.length).toBeGreaterThanOrEqual(6);
    // which merchants each charger reaches, and their offers, read both ways
    const reached = async (how: PinReading) => {
      const pairs = pairWithin(r.chargers, await testDb.$queryRaw<PinRow[]>(pinsSql(r.chargers, how)));
      return Object.fromEntries(
        r.chargers.map((c) => [
          c.id,
          (pairs.get(c.id) ?? []).map(({ pin }) => `${pin.merchantId}:${pin.offers?.length ?? "none yet"}`).sort(),
        ]),
      );
    };
    expect(pinsSql(r.chargers, "per charger").text).toContain("unnest");
    expect(pinsSql(r.chargers, "one circle").text).not.toContain("unnest");
    const probed = await reached("per charger");
    expect(Object.values(probed).flat().length).toBeGreaterThan(0);
    expect(await reached("one circle")).toEqual(probed);
    // and the answer's perks within walking reach are among them
    for (const c of r.chargers)
      for (const p of c.perks.filter((p) => p.distanceMeters <= MAX_STRAIGHT_METERS))
        expect(probed[c.id]).toContain(`${p.merchantId}:${p.offers.length}`);
  });
});

describe("findNearby: filters", () => {
  const cases: [string, Record<string, string | number>, string[]][] = [
    ["connector", { connector: "CCS" }, ["D", "E", "A", "F"]],
    ["connector in any case", { connector: "ccs" }, ["D", "E", "A", "F"]],
    ["minimum power", { minKw: 100 }, ["A", "B", "F"]],
    ["network (any case)", { network: "othernet" }, ["E"]],
    ["partners only", { partnersOnly: "1" }, ["C", "D", "E", "B", "F"]],
    ["available now", { availableNow: "true" }, ["E", "A", "B", "F", "IN"]],
    ["connector + available now + power", { connector: "CCS", availableNow: "1", minKw: 60 }, ["E", "A", "F"]],
    ["partners only + connector", { partnersOnly: "1", connector: "CCS" }, ["D", "E", "F"]],
    ["partners only, limit 2", { partnersOnly: "1", limit: 2 }, ["C", "D"]],
  ];
  it.each(cases)("%s", async (_name, filters, expected) => {
    expect(ids(await near(filters))).toEqual(expected);
  });
});

describe("GET /api/discovery/nearby", () => {
  it("answers the packed contract (tuples, each merchant once), cacheable privately for 30 s", async () => {
    const res = await call(GET, { path: `/api/discovery/nearby?lat=${C.lat}&lng=${C.lng}&radius=2000&limit=3` });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, max-age=30");
    const wire = (await res.json()) as NearbyWire;
    expect(wire.truncated).toBe(true);
    expect(wire.asOf).toBe(importedAt.toISOString());
    expect(wire.chargers.map((c) => c[0])).toEqual(["nb_C", "nb_D", "nb_A"]);
    expect(wire.chargers[1]).toHaveLength(13);
    const [pin, distance, walk] = wire.chargers[1][12][0];
    const merchant = wire.merchants[wire.pins[pin][0]];
    expect([merchant[0], walk]).toEqual(["nbm_6", 10]);
    expect(distance).toBeGreaterThan(0);
    expect(merchant[3]).toContainEqual([expect.any(String), "Donut", 80]);
    expect(new Set(wire.merchants.map((m) => m[0])).size).toBe(wire.merchants.length);
    // unpacked, it is the query's answer (distances to the metre, coordinates to 6 decimals)
    const direct = await near({ limit: 3 });
    const unpacked = unpackNearby(wire);
    expect(unpacked.chargers.map((c) => c.perks.map((p) => [p.merchantId, p.name, p.offers]))).toEqual(
      direct.chargers.map((c) => c.perks.map((p) => [p.merchantId, p.name, p.offers])),
    );
    unpacked.chargers.forEach((c, i) => {
      const { perks: _p, latitude: _la, longitude: _lo, distanceMeters: _d, ...same } = direct.chargers[i];
      expect(c).toMatchObject(same);
      expect(Math.abs(c.distanceMeters - direct.chargers[i].distanceMeters)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(c.latitude - direct.chargers[i].latitude)).toBeLessThanOrEqual(5e-7);
    });
  });

  it.each([
    ["no place", "/api/discovery/nearby?radius=100", /bbox, or lat and lng/],
    ["latitude out of range", "/api/discovery/nearby?lat=91&lng=0", /^lat: Enter 90 or less\.$/],
    ["malformed box", "/api/discovery/nearby?bbox=1,2,3", /south,west,north,east/],
    ["box across the date line", "/api/discovery/nearby?bbox=20,170,30,-170", /./],
    ["radius too large", "/api/discovery/nearby?lat=30&lng=-97&radius=900000", /^radius: Enter 50,000 or less\.$/],
    // the probe's: an empty value is not 0, hex is not a number, a box and a centre are not both
    [
      "empty coordinates",
      "/api/discovery/nearby?lat=&lng=&radius=2000",
      /^lat: Give a plain decimal number, such as 30\.2672\./,
    ],
    [
      "hex latitude",
      "/api/discovery/nearby?lat=0x1E&lng=-97",
      /^lat: Give a plain decimal number, such as 30\.2672\.$/,
    ],
    ["box and centre", "/api/discovery/nearby?bbox=30,-98,31,-97&lat=30.5&lng=-97.5", /not both/],
    // the second probe's: each field says what it takes, not "one of the accepted choices"
    ["NaN latitude", "/api/discovery/nearby?lat=NaN&lng=-97", /^lat: Give a plain decimal number, such as 30\.2672\.$/],
    [
      "a word for the radius",
      "/api/discovery/nearby?lat=30&lng=-97&radius=abc",
      /^radius: Give a plain decimal number, such as 2000\.$/,
    ],
    [
      "a word for the limit",
      "/api/discovery/nearby?lat=30&lng=-97&limit=abc",
      /^limit: Give a plain decimal number, such as 200\.$/,
    ],
  ])("a bad query (%s) is a 422 with a sentence", async (_name, path, message) => {
    const res = await call(GET, { path });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(body.error.message).toMatch(message);
    expect(body.error.message).not.toMatch(/accepted choices/);
  });

  it("refuses a connector no charger carries, naming the choices", async () => {
    const bad = await call(GET, { path: "/api/discovery/nearby?lat=30&lng=-97&connector=%27%20OR%201%3D1%20--" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      "connector: Choose a connector: CCS, NACS, CHAdeMO, J1772.",
    );
  });

  it("takes a coordinate with all the digits a double prints (17 significant)", async () => {
    const res = await call(GET, {
      path: "/api/discovery/nearby?lat=30.267153000000001&lng=-97.74306099999999&radius=2000",
    });
    expect(res.status).toBe(200);
  });
});
