import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_METERS, distanceMeters, formatDistance, withinRadius } from "@/lib/geo";

// Demo chargers (lib/demo/places.ts): Mueller Town Center and North Lamar Market, Austin.
const MUELLER = { latitude: 30.3029, longitude: -97.7062 };
const LAMAR = { latitude: 30.2706, longitude: -97.7531 };
const METERS_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_METERS) / 180;
const north = (meters: number) => ({
  latitude: MUELLER.latitude + meters / METERS_PER_DEGREE_LAT,
  longitude: MUELLER.longitude,
});

describe("distanceMeters", () => {
  it("is zero for the same point and symmetric", () => {
    expect(distanceMeters(MUELLER, MUELLER)).toBe(0);
    expect(distanceMeters(MUELLER, LAMAR)).toBeCloseTo(distanceMeters(LAMAR, MUELLER), 6);
  });

  it("measures one degree of latitude as πR/180", () => {
    expect(distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111_195.08, 1);
  });

  it("matches the WGS84 geodesic (Vincenty) within 1%", () => {
    // Reference values from Vincenty's inverse formula on the WGS84 ellipsoid, computed independently.
    expect(Math.abs(distanceMeters(MUELLER, LAMAR) - 5_760.27) / 5_760.27).toBeLessThan(0.01);
    const nashville = { latitude: 36.12, longitude: -86.67 };
    const losAngeles = { latitude: 33.94, longitude: -118.4 };
    expect(Math.abs(distanceMeters(nashville, losAngeles) - 2_892_776.96) / 2_892_776.96).toBeLessThan(0.01);
  });

  it("handles antipodes without NaN", () => {
    const d = distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 });
    expect(d).toBeCloseTo(Math.PI * EARTH_RADIUS_METERS, 0);
  });
});

describe("withinRadius (distance + accuracy/2 ≤ radius)", () => {
  it("uses the plain distance for an exact fix", () => {
    expect(withinRadius(north(149), MUELLER, 150)).toBe(true);
    expect(withinRadius(north(151), MUELLER, 150)).toBe(false);
  });

  it("needs the fix inside by half its accuracy", () => {
    expect(withinRadius(north(100), MUELLER, 150, 99)).toBe(true);
    expect(withinRadius(north(100), MUELLER, 150, 101)).toBe(false);
  });

  it("refuses a fix whose accuracy circle is mostly outside, though it overlaps the zone", () => {
    expect(withinRadius(north(160), MUELLER, 150, 40)).toBe(false);
    expect(withinRadius(north(140), MUELLER, 150, 30)).toBe(false);
  });

  it("refuses a fix vaguer than the zone itself, even dead centre", () => {
    expect(withinRadius(MUELLER, MUELLER, 150, 301)).toBe(false);
  });

  it("reads negative accuracy as 0 and never counts NaN", () => {
    expect(withinRadius(north(149), MUELLER, 150, -500)).toBe(true);
    expect(withinRadius(MUELLER, MUELLER, 150, Number.NaN)).toBe(false);
  });
});

describe("formatDistance", () => {
  it("uses metres under a kilometre and one decimal of km above", () => {
    expect(formatDistance(349.6)).toBe("350 m");
    expect(formatDistance(999.7)).toBe("1.0 km");
    expect(formatDistance(8_012)).toBe("8.0 km");
  });
});
