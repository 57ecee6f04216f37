import { describe, expect, it } from "vitest";
import { parseRegions } from "@/lib/charger-import/regions";
import { parseStation } from "@/lib/integrations/nrel/station";

const record = (o: Record<string, unknown> = {}) => ({
  id: 42,
  station_name: "  Plaza\u0000 Lot ",
  latitude: 30.1,
  longitude: -97.7,
  street_address: "1 Main St",
  city: "Austin",
  state: "TX",
  zip: "78701",
  status_code: "E",
  access_code: "public",
  ev_connector_types: ["J1772", "TESLA", "J1772COMBO", "NEMA1450", "CHADEMO", "J1772"],
  ev_level2_evse_num: 2,
  ev_dc_fast_num: 0,
  updated_at: "2026-01-02T03:04:05Z",
  ...o,
});

describe("NREL station mapping", () => {
  it("maps connectors to our names in a fixed order, dropping the ones we do not show", () => {
    expect(parseStation(record())?.connectors).toEqual(["CCS", "NACS", "CHAdeMO", "J1772"]);
  });
  it("estimates power from the port counts", () => {
    expect(parseStation(record())?.powerKw).toBe(7.2);
    expect(parseStation(record({ ev_dc_fast_num: 1 }))?.powerKw).toBe(50);
    expect(parseStation(record({ ev_level2_evse_num: null, ev_dc_fast_num: null }))?.powerKw).toBeNull();
  });
  it("cleans text and builds the address", () => {
    expect(parseStation(record())).toMatchObject({
      externalId: "nrel:42",
      name: "Plaza  Lot",
      address: "1 Main St, Austin, TX 78701",
    });
    expect(parseStation(record({ street_address: null, zip: "" }))?.address).toBe("Austin, TX");
  });
  it("refuses malformed records", () => {
    for (const bad of [
      null,
      "station",
      record({ id: "42" }),
      record({ id: undefined }),
      record({ latitude: 91 }),
      record({ longitude: "x" }),
      record({ station_name: "   " }),
      record({ status_code: "X" }),
      record({ ev_dc_fast_num: -1 }),
      record({ updated_at: "yesterday" }),
    ])
      expect(parseStation(bad)).toBeNull();
  });
});

describe("NREL_REGIONS", () => {
  it("parses name:lat,lng,miles entries and leaves out bad or duplicate ones", () => {
    expect(parseRegions("austin:30.2672,-97.7431,25;dallas:32.7767,-96.7970,25")).toEqual([
      { name: "austin", latitude: 30.2672, longitude: -97.7431, radiusMiles: 25 },
      { name: "dallas", latitude: 32.7767, longitude: -96.797, radiusMiles: 25 },
    ]);
    expect(parseRegions("")).toEqual([]);
    expect(parseRegions("a:95,0,10;b:0,0,600;c:0,0,0;d:1,2,3;d:4,5,6;Bad Name:1,2,3")).toEqual([
      { name: "d", latitude: 1, longitude: 2, radiusMiles: 3 },
    ]);
  });
});
