import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runChargerImport, type ImportOptions, type RegionOutcome } from "@/lib/charger-import";
import { nrelStation, startFakeNrel, type FakeNrel } from "../fakes/nrel";
import { testDb, uid } from "../support/factories";

const REGION = { name: "kansas", latitude: 39.0, longitude: -98.0, radiusMiles: 10 };
const near = (i: number) => ({ latitude: 39.0 + i * 0.01, longitude: -98.0 + i * 0.005 });

describe("NREL charger import (real client against the fake)", () => {
  let fake: FakeNrel;
  const run = (o: ImportOptions = {}) =>
    runChargerImport({
      apiKey: fake.apiKey,
      baseUrl: fake.url,
      regions: [REGION],
      pageSize: 2,
      pauseMs: 0,
      retryDelayMs: 1,
      ...o,
    });
  const regionOf = (result: Awaited<ReturnType<typeof run>>): RegionOutcome => {
    if (!("regions" in result)) throw new Error(`skipped: ${result.skipped}`);
    return result.regions[0];
  };
  const nrelRows = () =>
    testDb.charger.findMany({ where: { externalId: { startsWith: "nrel:" } }, orderBy: { externalId: "asc" } });
  const withoutImportedAt = (rows: Awaited<ReturnType<typeof nrelRows>>) => rows.map(({ importedAt: _, ...r }) => r);

  beforeAll(async () => {
    fake = await startFakeNrel();
    fake.stations.push(
      nrelStation({ id: 101, station_name: "Depot Fast", ...near(1), ev_network: "Electrify America" }),
      nrelStation({
        id: 102,
        station_name: "Library L2",
        ...near(2),
        ev_connector_types: ["J1772"],
        ev_dc_fast_num: null,
        ev_level2_evse_num: 4,
        ev_pricing: "Free",
      }),
      nrelStation({
        id: 103,
        station_name: "Supercharger",
        ...near(3),
        ev_network: "Tesla",
        ev_connector_types: ["TESLA"],
      }),
      nrelStation({ id: 104, station_name: "Broken Charger", ...near(4), status_code: "T" }),
      // malformed: coordinates as text, no id
      nrelStation({ id: 105, station_name: "Bad Coordinates", latitude: "39.05", longitude: "oops" }),
      { ...nrelStation({ station_name: "No Id", ...near(5) }), id: undefined },
      nrelStation({ id: 107, station_name: "<b>Markup</b> Plaza", ...near(6) }),
      // not asked for: planned, private, far away
      nrelStation({ id: 108, station_name: "Planned", ...near(7), status_code: "P" }),
      nrelStation({ id: 109, station_name: "Fleet Only", ...near(8), access_code: "private" }),
      nrelStation({ id: 110, station_name: "Far Away", latitude: 41.0, longitude: -98.0 }),
    );
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    fake.requests.length = 0;
    fake.rateLimit.remaining = 1000;
    await testDb.chargerImportRun.updateMany({ data: { blockedUntil: null } });
  });

  it("does nothing without a key: no request, the demo chargers stay", async () => {
    await testDb.charger.create({
      data: {
        externalId: `seeded-${uid()}`,
        source: "demo",
        name: "Demo",
        address: "1 Demo St",
        latitude: 39.001,
        longitude: -98.001,
      },
    });
    const before = await testDb.charger.count();
    expect(await runChargerImport({ apiKey: "", baseUrl: fake.url, regions: [REGION] })).toEqual({
      skipped: "NREL_API_KEY is not set: the demo chargers stay",
    });
    expect(fake.requests).toHaveLength(0);
    expect(await testDb.charger.count()).toBe(before);
    expect(await testDb.chargerImportRun.count()).toBe(0);
  });

  it("first run pages through, maps stations to chargers and skips malformed records", async () => {
    const out = regionOf(await run());
    expect(out).toMatchObject({ status: "ok", stationsSeen: 5, created: 5, updated: 0, skipped: 2, markedGone: 0 });
    // 7 listed records at 2 a page: offsets 0, 2, 4, 6; the key in the header, never in the URL
    expect(fake.requests.map((r) => r.query.get("offset"))).toEqual(["0", "2", "4", "6"]);
    expect(fake.requests.every((r) => r.headerKey === fake.apiKey && !r.query.has("api_key"))).toBe(true);
    expect(fake.requests[0].query.get("status")).toBe("E,T");
    expect(fake.requests[0].query.get("fuel_type")).toBe("ELEC");
    expect(fake.requests[0].query.get("access")).toBe("public");

    const rows = await nrelRows();
    expect(rows.map((r) => r.externalId)).toEqual(["nrel:101", "nrel:102", "nrel:103", "nrel:104", "nrel:107"]);
    const [fast, l2, tesla, broken, markup] = rows;
    expect(fast).toMatchObject({
      name: "Depot Fast",
      network: "Electrify America",
      address: "101 Main St, Springfield, KS 67000",
      connectors: ["CCS", "CHAdeMO"],
      powerKw: 50,
      status: "E",
      accessHours: "24 hours daily",
      accessCode: "public",
      pricing: "$0.45 per kWh",
      dcFastPorts: 2,
      level2Ports: null,
      source: "nrel",
      isPartner: false,
      sourceUpdatedAt: new Date("2026-10-02T15:04:05Z"),
    });
    expect(fast.importedAt).toBeInstanceOf(Date);
    expect(l2).toMatchObject({
      connectors: ["J1772"],
      powerKw: 7.2,
      level2Ports: 4,
      dcFastPorts: null,
      pricing: "Free",
    });
    expect(tesla).toMatchObject({ connectors: ["NACS"], network: "Tesla" });
    expect(broken.status).toBe("T");
    expect(markup.name).toBe("<b>Markup</b> Plaza"); // stored as text; the map renders it as text

    expect(await testDb.chargerImportRun.findUnique({ where: { region: "kansas" } })).toMatchObject({
      status: "ok",
      stationsSeen: 5,
      skipped: 2,
      blockedUntil: null,
      lastSuccessAt: expect.any(Date),
    });
  });

  it("a second run changes nothing but importedAt", async () => {
    const before = await nrelRows();
    const out = regionOf(await run());
    expect(out).toMatchObject({ status: "ok", created: 0, updated: 0, markedGone: 0 });
    const after = await nrelRows();
    expect(withoutImportedAt(after)).toEqual(withoutImportedAt(before));
    expect(after[0].importedAt!.getTime()).toBeGreaterThan(before[0].importedAt!.getTime());
  });

  it("a 429 mid-run stops at once, keeps the last good data and blocks runs for about an hour", async () => {
    const before = await nrelRows();
    // NREL's data changed on page 2, but the run never gets there
    fake.stations[2].station_name = "Supercharger (renamed)";
    fake.failNext("429", { atOffset: 2 });
    const startedAt = Date.now();
    const out = regionOf(await run());
    expect(out).toMatchObject({ status: "blocked", markedGone: 0 });
    expect(fake.requests.map((r) => r.query.get("offset"))).toEqual(["0", "2"]); // no retry after a 429
    expect(withoutImportedAt(await nrelRows())).toEqual(withoutImportedAt(before));
    const record = await testDb.chargerImportRun.findUniqueOrThrow({ where: { region: "kansas" } });
    expect(record.status).toBe("blocked");
    expect(record.blockedUntil!.getTime() - startedAt).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(record.blockedUntil!.getTime() - startedAt).toBeLessThan(3600_000 + 60_000);

    // while blocked, a run does not call NREL at all
    fake.requests.length = 0;
    expect(await run()).toEqual({ skipped: expect.stringMatching(/^NREL rate limit: waiting until /) });
    expect(fake.requests).toHaveLength(0);

    // an hour later the change arrives
    await testDb.chargerImportRun.updateMany({ data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect(regionOf(await run())).toMatchObject({ status: "ok", updated: 1 });
    expect((await testDb.charger.findUniqueOrThrow({ where: { externalId: "nrel:103" } })).name).toBe(
      "Supercharger (renamed)",
    );
  });

  it("retries a 500 and then succeeds; a lasting outage fails the region and keeps the rows", async () => {
    fake.failNext("500", { atOffset: 2 });
    expect(regionOf(await run())).toMatchObject({ status: "ok" });
    expect(fake.requests.filter((r) => r.query.get("offset") === "2")).toHaveLength(2);

    const before = await nrelRows();
    fake.stations.splice(0, 1); // station 101 vanishes, but the failed run must not mark it
    fake.failNext("500", { times: 3, atOffset: 2 });
    const out = regionOf(await run());
    expect(out).toMatchObject({ status: "failed", markedGone: 0 });
    expect(withoutImportedAt(await nrelRows())).toEqual(withoutImportedAt(before));
    expect((await testDb.chargerImportRun.findUniqueOrThrow({ where: { region: "kansas" } })).status).toBe("failed");
  });

  it("a complete run marks stations NREL no longer lists as T, and never deletes them", async () => {
    // station 101 was removed in the previous test
    const out = regionOf(await run());
    expect(out).toMatchObject({ status: "ok", markedGone: 1 });
    expect(await testDb.charger.findUniqueOrThrow({ where: { externalId: "nrel:101" } })).toMatchObject({
      status: "T",
      name: "Depot Fast",
    });
    // it comes back: the next run takes NREL's status again
    fake.stations.unshift(
      nrelStation({ id: 101, station_name: "Depot Fast", ...near(1), ev_network: "Electrify America" }),
    );
    expect(regionOf(await run())).toMatchObject({ status: "ok", updated: 1, markedGone: 0 });
    expect((await testDb.charger.findUniqueOrThrow({ where: { externalId: "nrel:101" } })).status).toBe("E");
  });

  it("stops politely when the shared hourly budget runs low, without marking anything", async () => {
    fake.rateLimit.remaining = 7; // after the first page 6 are left
    const out = regionOf(await run({ rateReserve: 6 }));
    expect(out).toMatchObject({ status: "partial", markedGone: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it("with several regions, a 429 leaves the later regions for the next run", async () => {
    fake.failNext("429");
    const result = await run({ regions: [REGION, { ...REGION, name: "kansas-east", longitude: -97.8 }] });
    expect("regions" in result && result.regions.map((r) => r.status)).toEqual(["blocked"]);
    expect(fake.requests).toHaveLength(1);
    expect(await testDb.chargerImportRun.findUnique({ where: { region: "kansas-east" } })).toBeNull();
  });
});
