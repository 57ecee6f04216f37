import "server-only";
import { db } from "@/lib/db";
import { distanceMeters, type LatLng } from "@/lib/geo";
import { NEARBY_CHARGER_METERS } from "@/lib/purchases";

/** Wallet watches at most 10 locations per pass. */
export const MAX_PASS_LOCATIONS = 10;

export type PassLocation = LatLng & { relevantText: string };

/**
 * Lock-screen relevance: partner merchants (their own spot and each active Square location) within
 * walking distance of the charger this driver has used most. None for a driver who never charged.
 */
export async function unsafePassLocations(driverId: string): Promise<PassLocation[]> {
  const [top] = await db().chargingSession.groupBy({
    by: ["chargerId"],
    where: { driverId },
    _count: { _all: true },
    orderBy: [{ _count: { chargerId: "desc" } }, { chargerId: "asc" }],
    take: 1,
  });
  if (!top) return [];
  const charger = await db().charger.findUnique({
    where: { id: top.chargerId },
    select: { id: true, latitude: true, longitude: true },
  });
  if (!charger) return [];
  const near = box(charger);
  const merchants = await db().merchant.findMany({
    where: {
      status: "ACTIVE",
      OR: [{ chargerId: charger.id }, near, { locations: { some: { active: true, ...near } } }],
    },
    select: {
      name: true,
      latitude: true,
      longitude: true,
      locations: { where: { active: true, ...near }, select: { latitude: true, longitude: true } },
    },
    take: 50,
  });
  const points = merchants.flatMap((m) =>
    [{ latitude: m.latitude, longitude: m.longitude }, ...m.locations].flatMap((p) =>
      p.latitude === null || p.longitude === null
        ? []
        : [
            {
              latitude: p.latitude,
              longitude: p.longitude,
              name: m.name,
              meters: distanceMeters(charger, p as LatLng),
            },
          ],
    ),
  );
  const seen = new Set<string>();
  return points
    .filter((p) => p.meters <= NEARBY_CHARGER_METERS)
    .sort((a, b) => a.meters - b.meters || a.name.localeCompare(b.name))
    .filter((p) => {
      const key = `${p.latitude.toFixed(5)},${p.longitude.toFixed(5)}`;
      return !seen.has(key) && seen.add(key);
    })
    .slice(0, MAX_PASS_LOCATIONS)
    .map((p) => ({ latitude: p.latitude, longitude: p.longitude, relevantText: `${p.name} is near your charger` }));
}

/** A bounding box a little larger than the walking radius; the exact distance filters after. */
function box({ latitude, longitude }: LatLng) {
  const dLat = (NEARBY_CHARGER_METERS / 111_000) * 1.1;
  const dLng = dLat / Math.max(0.01, Math.cos((latitude * Math.PI) / 180));
  return {
    latitude: { gte: latitude - dLat, lte: latitude + dLat },
    longitude: { gte: longitude - dLng, lte: longitude + dLng },
  };
}
