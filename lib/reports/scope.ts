import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { distanceMeters, type LatLng } from "@/lib/geo";
import { config } from "@/lib/config";
// a charger this close to one of the merchant's locations is "at the merchant": the rule purchases match by
import { NEARBY_CHARGER_METERS } from "@/lib/purchases";
import { dayStart, addDays } from "./days";
import type { ReportRange } from "./range";

export type ReportScope = {
  merchantId: string;
  merchantName: string;
  /** The merchant's own charger, for the empty state ("drivers see your offers when they charge at …"). */
  chargerName: string | null;
  locations: { id: string; name: string }[];
  location: { id: string; name: string } | null;
  /** The chargers whose sessions count as visits. */
  chargerIds: string[];
  squareConnected: boolean;
  from: string;
  to: string;
  timeZone: string;
  /** The range as instants: [start, end). */
  start: Date;
  end: Date;
};

/** Who and where the report is about; a location that is not this merchant's is not found. */
export async function resolveScope(merchantId: string, range: ReportRange): Promise<ReportScope> {
  const merchant = await db().merchant.findUniqueOrThrow({
    where: { id: merchantId },
    select: {
      name: true,
      chargerId: true,
      charger: { select: { name: true } },
      square: { select: { status: true } },
      locations: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, latitude: true, longitude: true },
      },
    },
  });
  const location = range.locationId ? merchant.locations.find((l) => l.id === range.locationId) : null;
  if (range.locationId && !location) throw notFound("That location");
  const places = (location ? [location] : merchant.locations).filter(
    (l): l is typeof l & LatLng => l.latitude !== null && l.longitude !== null,
  );
  const nearby = await chargersNear(places);
  const chargerIds = new Set(nearby);
  if (!location && merchant.chargerId) chargerIds.add(merchant.chargerId);
  const timeZone = config().BUSINESS_TIME_ZONE;
  return {
    merchantId,
    merchantName: merchant.name,
    chargerName: merchant.charger?.name ?? null,
    locations: merchant.locations.map(({ id, name }) => ({ id, name })),
    location: location ? { id: location.id, name: location.name } : null,
    chargerIds: [...chargerIds],
    squareConnected: merchant.square !== null && merchant.square.status !== "DISCONNECTED",
    from: range.from,
    to: range.to,
    timeZone,
    start: dayStart(range.from, timeZone),
    end: dayStart(addDays(range.to, 1), timeZone),
  };
}

/** Chargers within 500 m of any of the points: a bounding-box query, then the exact distance. */
async function chargersNear(points: LatLng[]): Promise<string[]> {
  if (points.length === 0) return [];
  const dLat = (NEARBY_CHARGER_METERS / 111_000) * 1.1;
  const boxes = points.map((p) => {
    const dLon = dLat / Math.max(0.01, Math.cos((p.latitude * Math.PI) / 180));
    return {
      latitude: { gte: p.latitude - dLat, lte: p.latitude + dLat },
      longitude: { gte: p.longitude - dLon, lte: p.longitude + dLon },
    };
  });
  const candidates = await db().charger.findMany({
    where: { OR: boxes },
    select: { id: true, latitude: true, longitude: true },
  });
  return candidates.filter((c) => points.some((p) => distanceMeters(p, c) <= NEARBY_CHARGER_METERS)).map((c) => c.id);
}
