import { Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { NearbyQuery } from "../nearby-contract";
import { DEFAULT_RADIUS_METERS } from "./rules";

// Where to look: a centre + radius, or a south,west,north,east box. Both become a condition
// the GiST index on ll_to_earth(latitude, longitude) answers (a cube containing the area),
// followed by the exact test (great-circle distance, or the latitude/longitude bounds).

/** earthdistance's earth(): the sphere ll_to_earth() puts points on, metres. */
const EARTH_RADIUS = 6_378_168;
/** Slack on the box's cube so points on its edges survive float rounding; the exact test follows. */
const CUBE_SLACK_METERS = 1;

export type Area =
  | { kind: "radius"; lat: number; lng: number; radius: number }
  | { kind: "bbox"; lat: number; lng: number; south: number; west: number; north: number; east: number };

export function areaOf(q: NearbyQuery): Area {
  if (q.bbox !== undefined) {
    const [south, west, north, east] = q.bbox.split(",").map(Number);
    if (Math.abs(south) > 90 || Math.abs(north) > 90 || Math.abs(west) > 180 || Math.abs(east) > 180)
      throw new AppError("invalid_input", "bbox: latitudes lie within ±90 and longitudes within ±180.");
    if (south > north) throw new AppError("invalid_input", "bbox: south must not be north of north.");
    if (west > east)
      throw new AppError(
        "invalid_input",
        "bbox: west must not be east of east (boxes across the date line are not supported).",
      );
    return { kind: "bbox", south, west, north, east, lat: (south + north) / 2, lng: (west + east) / 2 };
  }
  return { kind: "radius", lat: q.lat!, lng: q.lng!, radius: q.radius ?? DEFAULT_RADIUS_METERS };
}

/** ll_to_earth of the area's centre (distances are measured from it). */
export const centreSql = (a: Area) => Prisma.sql`ll_to_earth(${a.lat}::float8, ${a.lng}::float8)`;

/** The area test on a row's `lat`/`lng` columns (already-quoted SQL identifiers). */
export function inAreaSql(a: Area, lat: Prisma.Sql, lng: Prisma.Sql): Prisma.Sql {
  const point = Prisma.sql`ll_to_earth(${lat}, ${lng})`;
  if (a.kind === "radius") {
    return Prisma.sql`earth_box(${centreSql(a)}, ${a.radius}::float8) @> ${point}
      AND earth_distance(${centreSql(a)}, ${point}) <= ${a.radius}::float8`;
  }
  const [x1, y1, z1, x2, y2, z2] = boxCube(a);
  return Prisma.sql`cube(array[${x1}::float8, ${y1}::float8, ${z1}::float8], array[${x2}::float8, ${y2}::float8, ${z2}::float8]) @> ${point}
    AND ${lat} BETWEEN ${a.south}::float8 AND ${a.north}::float8
    AND ${lng} BETWEEN ${a.west}::float8 AND ${a.east}::float8`;
}

/** A circle around the centre (for perks: every merchant pin near any charger found). */
export function withinSql(a: Area, meters: number, lat: Prisma.Sql, lng: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`earth_box(${centreSql(a)}, ${meters}::float8) @> ll_to_earth(${lat}, ${lng})`;
}

/**
 * The smallest axis-aligned cube (in ll_to_earth's x, y, z) holding every point of the box.
 * x = R cosφ cosλ, y = R cosφ sinλ, z = R sinφ: each is a product of a function of φ and one
 * of λ, so its extremes lie at the box's edges or where cos/sin peak inside it (φ = 0;
 * λ = 0, ±90, ±180).
 */
export function boxCube(a: Extract<Area, { kind: "bbox" }>): [number, number, number, number, number, number] {
  const inside = (v: number, lo: number, hi: number) => v > lo && v < hi;
  const lats = [a.south, a.north, ...(inside(0, a.south, a.north) ? [0] : [])];
  const lngs = [a.west, a.east, ...[-180, -90, 0, 90, 180].filter((v) => inside(v, a.west, a.east))];
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  const rad = Math.PI / 180;
  for (const phi of lats)
    for (const lambda of lngs) {
      const p = [
        EARTH_RADIUS * Math.cos(phi * rad) * Math.cos(lambda * rad),
        EARTH_RADIUS * Math.cos(phi * rad) * Math.sin(lambda * rad),
        EARTH_RADIUS * Math.sin(phi * rad),
      ];
      for (let i = 0; i < 3; i++) {
        lo[i] = Math.min(lo[i], p[i]);
        hi[i] = Math.max(hi[i], p[i]);
      }
    }
  const s = CUBE_SLACK_METERS;
  return [lo[0] - s, lo[1] - s, lo[2] - s, hi[0] + s, hi[1] + s, hi[2] + s];
}
