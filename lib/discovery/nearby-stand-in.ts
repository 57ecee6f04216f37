import "server-only";
import { db } from "@/lib/db";
import { distanceMeters } from "@/lib/geo";
import type { NearbyCharger, NearbyPerk, NearbyQuery, NearbyResult } from "./nearby-contract";

// TEMPORARY stand-in for the nearby query (issue 12): every charger and active merchant read and
// filtered in code, so the map can be built and tested while the PostgreSQL query (cube +
// earthdistance, `findNearby`) is written. At merge the route calls `findNearby` and this file goes.

/** About ten minutes on foot: merchants further than this are not "beside" a charger. */
const WALK_LIMIT_METERS = 800;
const walkMinutes = (meters: number) => Math.max(1, Math.ceil((meters * 1.3) / 80));

type Box = { south: number; west: number; north: number; east: number };

function areaOf(q: NearbyQuery): { box: Box | null; centre: { latitude: number; longitude: number } } {
  if (q.bbox) {
    const [south, west, north, east] = q.bbox.split(",").map(Number);
    return {
      box: { south, west, north, east },
      centre: { latitude: (south + north) / 2, longitude: (west + east) / 2 },
    };
  }
  return { box: null, centre: { latitude: q.lat!, longitude: q.lng! } };
}

export async function findNearbyStandIn(q: NearbyQuery): Promise<NearbyResult> {
  const now = new Date();
  const { box, centre } = areaOf(q);
  const radius = q.radius ?? 5_000;
  const [chargers, merchants, newest] = await Promise.all([
    db().charger.findMany({ orderBy: [{ isPartner: "desc" }, { name: "asc" }] }),
    db().merchant.findMany({
      where: { status: "ACTIVE" },
      select: {
        id: true,
        name: true,
        category: true,
        latitude: true,
        longitude: true,
        offers: {
          where: { active: true, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
          orderBy: [{ novaPrice: "asc" }, { title: "asc" }],
          select: { id: true, title: true, novaPrice: true },
        },
      },
    }),
    db().charger.aggregate({ where: { source: "nrel" }, _max: { importedAt: true } }),
  ]);

  const matches = chargers
    .filter((c) =>
      box
        ? c.latitude >= box.south && c.latitude <= box.north && c.longitude >= box.west && c.longitude <= box.east
        : distanceMeters(centre, c) <= radius,
    )
    .filter((c) => !q.connector || c.connectors.some((k) => k.toLowerCase() === q.connector!.toLowerCase()))
    .filter((c) => !q.minKw || (c.powerKw ?? 0) >= q.minKw)
    .filter((c) => !q.network || c.network === q.network)
    .filter((c) => !q.partnersOnly || c.isPartner)
    .filter((c) => !q.availableNow || c.status === "E")
    .map((c): NearbyCharger => {
      const perks = merchants
        .map((m): NearbyPerk => {
          const d = distanceMeters(c, m);
          return {
            merchantId: m.id,
            name: m.name,
            category: m.category,
            latitude: m.latitude,
            longitude: m.longitude,
            distanceMeters: Math.round(d),
            walkMinutes: walkMinutes(d),
            offers: m.offers,
          };
        })
        .filter((p) => p.distanceMeters <= WALK_LIMIT_METERS)
        .sort((a, b) => a.distanceMeters - b.distanceMeters);
      return {
        id: c.id,
        name: c.name,
        network: c.network,
        address: c.address,
        latitude: c.latitude,
        longitude: c.longitude,
        powerKw: c.powerKw,
        connectors: c.connectors,
        status: c.status,
        accessHours: c.accessHours,
        isPartner: c.isPartner,
        distanceMeters: Math.round(distanceMeters(centre, c)),
        perks,
      };
    })
    .sort((a, b) => a.distanceMeters - b.distanceMeters);

  return {
    chargers: matches.slice(0, q.limit),
    truncated: matches.length > q.limit,
    asOf: newest._max.importedAt?.toISOString() ?? null,
  };
}
