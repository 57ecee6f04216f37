export type ImportRegion = { name: string; latitude: number; longitude: number; radiusMiles: number };

/** NREL's nearest.json refuses a radius over 500 miles. */
export const MAX_RADIUS_MILES = 500;

/** "austin:30.2672,-97.7431,25;dallas:32.7767,-96.7970,25" → regions; entries out of range are left out. */
export function parseRegions(spec: string): ImportRegion[] {
  const regions: ImportRegion[] = [];
  for (const entry of spec.split(";")) {
    const match = /^\s*([a-z0-9][a-z0-9_-]*)\s*:\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*,\s*([\d.]+)\s*$/.exec(entry);
    if (!match) continue;
    const [latitude, longitude, radiusMiles] = [Number(match[2]), Number(match[3]), Number(match[4])];
    const fits =
      Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 && radiusMiles > 0 && radiusMiles <= MAX_RADIUS_MILES;
    if (fits && !regions.some((r) => r.name === match[1]))
      regions.push({ name: match[1], latitude, longitude, radiusMiles });
  }
  return regions;
}
